import type { z } from 'zod';
import { fieldMeta, type FieldWidget } from './fields.js';
import { findNodeType } from './registry.js';

/** The top-level config keys of `type` whose field is edited with `widget` (e.g. the keys naming a table). */
export function configKeysWithWidget(type: string, widget: FieldWidget): string[] {
  const schema = findNodeType(type)?.configSchema as (z.ZodType & { shape?: Record<string, z.ZodType> }) | undefined;
  const shape = schema?.shape;
  if (!shape) return [];
  return Object.entries(shape)
    .filter(([, field]) => fieldMeta(field)?.widget === widget)
    .map(([key]) => key);
}

/** The table a node names, if its type reads or writes one. */
export function tableReferenceOf(node: { type: string; config: Record<string, unknown> }): string | undefined {
  for (const key of configKeysWithWidget(node.type, 'table')) {
    const value = node.config[key];
    if (typeof value === 'string' && value) return value;
  }
  return undefined;
}

/** The flow a node calls, if its type calls one. */
export function flowReferenceOf(node: { type: string; config: Record<string, unknown> }): { application: string; actionflow: string } | undefined {
  const [appKey] = configKeysWithWidget(node.type, 'application');
  const [flowKey] = configKeysWithWidget(node.type, 'actionflow');
  if (!appKey || !flowKey) return undefined;
  const application = node.config[appKey];
  const actionflow = node.config[flowKey];
  return typeof application === 'string' && typeof actionflow === 'string' ? { application, actionflow } : undefined;
}

/** Returns the node with its table reference set to `table` (the same object when it names none). */
export function withTableReference<N extends { type: string; config: Record<string, unknown> }>(node: N, table: string): N {
  const keys = configKeysWithWidget(node.type, 'table');
  if (keys.length === 0) return node;
  return { ...node, config: { ...node.config, ...Object.fromEntries(keys.map((key) => [key, table])) } };
}

/**
 * Returns the node with the columns it names (by a `column` field: a Read Table's order, with
 * `-` for descending; a Save Table's key) renamed by `renamed` (old to new); the same object when
 * it names none of them.
 */
export function withRenamedColumns<N extends { type: string; config: Record<string, unknown> }>(node: N, renamed: Record<string, string>): N {
  const changes: Record<string, string> = {};
  for (const key of configKeysWithWidget(node.type, 'column')) {
    const value = node.config[key];
    if (typeof value !== 'string') continue;
    if (Object.hasOwn(renamed, value)) changes[key] = renamed[value]!;
    else if (value.startsWith('-') && Object.hasOwn(renamed, value.slice(1))) changes[key] = `-${renamed[value.slice(1)]!}`;
  }
  return Object.keys(changes).length === 0 ? node : { ...node, config: { ...node.config, ...changes } };
}

/** Returns the node with its called flow set to the given one (the same object when it calls none). */
export function withFlowReference<N extends { type: string; config: Record<string, unknown> }>(
  node: N,
  target: { application: string; actionflow: string },
): N {
  const [appKey] = configKeysWithWidget(node.type, 'application');
  const [flowKey] = configKeysWithWidget(node.type, 'actionflow');
  if (!appKey || !flowKey) return node;
  return { ...node, config: { ...node.config, [appKey]: target.application, [flowKey]: target.actionflow } };
}
