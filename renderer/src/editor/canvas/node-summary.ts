import type { z } from 'zod';
import { fieldMeta } from '../../../../shared/node-types/fields.js';
import type { NodeTypeDeclaration } from '../../../../shared/node-types/node-type.js';

/** One line a canvas node shows about its settings. */
export interface SummaryLine {
  label: string;
  value: string;
  /** Expressions and templates are shown in a monospace face. */
  code: boolean;
}

const MAX_LINES = 2;

/** A short description of one config value, or undefined when it says nothing worth showing. */
function describe(value: unknown): string | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  if (Array.isArray(value)) {
    if (value.length === 0) return undefined;
    const names = value.map((item) => (typeof item === 'object' && item !== null && 'name' in item ? String((item as { name: unknown }).name) : String(item)));
    return names.join(', ');
  }
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/** The first settings of a node, in the order its type declares them, for the card on the canvas. */
export function nodeSummary(declaration: NodeTypeDeclaration, config: Record<string, unknown>): SummaryLine[] {
  const shape = (declaration.configSchema as z.ZodType & { shape?: Record<string, z.ZodType> }).shape ?? {};
  const lines: SummaryLine[] = [];
  for (const [key, field] of Object.entries(shape)) {
    const meta = fieldMeta(field);
    const value = describe(config[key]);
    if (!meta || value === undefined || meta.widget === 'boolean') continue;
    lines.push({ label: meta.title, value, code: meta.widget === 'expression' || meta.widget === 'template' });
    if (lines.length === MAX_LINES) break;
  }
  return lines;
}
