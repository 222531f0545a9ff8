import type { z } from 'zod';
import type { PathSegment } from '../json-path.js';
import { fieldMeta } from './fields.js';
import { findNodeType } from './registry.js';

/** One expression or template in a node's config, found through the fields' annotations. */
export interface ExpressionFieldValue {
  /** Inside the node's config, e.g. `['attributes', 0, 'expression']`. */
  path: PathSegment[];
  /** The config key of the field (`expression`, `condition`, `url`…). */
  key: string;
  mode: 'expression' | 'template';
  text: string;
  /** The list item the field belongs to (an attribute of a Calculate, an output of an HTTP Request). */
  item?: Record<string, unknown>;
}

type Shaped = z.ZodType & { shape?: Record<string, z.ZodType> };

/** The object shape of a schema, looking through optional, default and refinement wrappers. */
function shapeOf(schema: z.ZodType | undefined): Record<string, z.ZodType> | undefined {
  let current: z.ZodType | undefined = schema;
  for (let depth = 0; current && depth < 10; depth++) {
    const shape = (current as Shaped).shape;
    if (shape) return shape;
    const def = current._zod.def as { innerType?: z.ZodType; in?: z.ZodType; element?: z.ZodType };
    current = def.innerType ?? def.in ?? def.element;
  }
  return undefined;
}

/** Every expression and template of a node's (parsed) config, in the order of its fields. */
export function expressionFieldsOf(node: { type: string; config: Record<string, unknown> }): ExpressionFieldValue[] {
  const found: ExpressionFieldValue[] = [];
  const walk = (shape: Record<string, z.ZodType>, value: Record<string, unknown>, path: PathSegment[], item?: Record<string, unknown>) => {
    for (const [key, field] of Object.entries(shape)) {
      const meta = fieldMeta(field);
      const current = value[key];
      if ((meta?.widget === 'expression' || meta?.widget === 'template') && typeof current === 'string') {
        found.push({ path: [...path, key], key, mode: meta.widget, text: current, ...(item ? { item } : {}) });
      } else if (meta?.widget === 'list' && Array.isArray(current)) {
        const itemShape = shapeOf(field);
        if (!itemShape) continue;
        current.forEach((entry, index) => {
          if (entry && typeof entry === 'object') walk(itemShape, entry as Record<string, unknown>, [...path, key, index], entry as Record<string, unknown>);
        });
      }
    }
  };
  const shape = shapeOf(findNodeType(node.type)?.configSchema);
  if (shape) walk(shape, node.config, []);
  return found;
}
