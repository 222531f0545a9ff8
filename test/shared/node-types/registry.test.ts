import { describe, expect, it } from 'vitest';
import { fieldMeta } from '../../../shared/node-types/fields.js';
import { NODE_CATEGORIES } from '../../../shared/node-types/node-type.js';
import { NODE_TYPES, findNodeType } from '../../../shared/node-types/registry.js';

const DESIGN_TYPES = [
  'apiInput',
  'calculate',
  'gateway',
  'filter',
  'split',
  'aggregate',
  'readTable',
  'saveTable',
  'http',
  'callFlow',
  'debug',
  'error',
  'output',
  'response',
];

describe('node-type registry', () => {
  it('declares exactly the node types of DESIGN §4, each once', () => {
    expect(NODE_TYPES.map((d) => d.type).sort()).toEqual([...DESIGN_TYPES].sort());
  });

  it.each(NODE_TYPES.map((d) => [d.type, d] as const))('%s has a complete declaration', (_type, declaration) => {
    expect(declaration.label).not.toBe('');
    expect(declaration.description).not.toBe('');
    expect(NODE_CATEGORIES).toContain(declaration.category);
    expect(declaration.icon).toMatch(/^M[\d\s.,a-zA-Z-]+$/);
    expect(declaration.inputs.length + declaration.outputs.length).toBeGreaterThan(0);
  });

  // A new node is valid at once, except where the designer must pick what it works on (a table, a flow).
  it.each(NODE_TYPES.map((d) => [d.type, d] as const))('%s starts with defaults that lack only a picked table or flow', (_type, declaration) => {
    const result = declaration.configSchema.safeParse(declaration.defaults());
    const shape = (declaration.configSchema as unknown as { shape: Record<string, never> }).shape;
    const unfilled = result.success ? [] : result.error.issues.map((issue) => fieldMeta(shape[issue.path[0] as string]!)?.widget);
    expect(unfilled.every((widget) => widget === 'table' || widget === 'application' || widget === 'actionflow')).toBe(true);
  });

  it.each(NODE_TYPES.map((d) => [d.type, d] as const))('%s annotates every config field for the properties form', (_type, declaration) => {
    const shape = (declaration.configSchema as unknown as { shape: Record<string, never> }).shape;
    for (const [key, field] of Object.entries(shape)) expect(fieldMeta(field), `${declaration.type}.${key}`).toBeDefined();
  });

  it('has the connection points of DESIGN §4', () => {
    expect(findNodeType('apiInput')).toMatchObject({ inputs: [], outputs: ['out'] });
    expect(findNodeType('gateway')).toMatchObject({ inputs: ['in'], outputs: ['true', 'false'] });
    expect(findNodeType('http')).toMatchObject({ inputs: ['in'], outputs: ['out', 'error'] });
    expect(findNodeType('output')).toMatchObject({ inputs: ['in'], outputs: [] });
    expect(findNodeType('response')).toMatchObject({ inputs: ['in'], outputs: [] });
    expect(findNodeType('calculate')).toMatchObject({ inputs: ['in'], outputs: ['out'] });
  });

  it('fills the documented defaults', () => {
    expect(findNodeType('aggregate')!.configSchema.parse({})).toEqual({ into: 'items' });
    expect(findNodeType('saveTable')!.configSchema.parse({ table: 't' })).toEqual({ table: 't', mode: 'insert' });
    expect(findNodeType('http')!.configSchema.parse({ url: 'https://x' })).toMatchObject({ method: 'GET', headers: [], outputs: [], encodeUrlValues: true });
  });

  it('knows nothing of an undeclared type', () => {
    expect(findNodeType('javascript')).toBeUndefined();
  });
});
