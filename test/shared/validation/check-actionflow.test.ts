import { describe, expect, it } from 'vitest';
import { actionflowSchema, type ActionflowInput } from '../../../shared/schemas/actionflow.schema.js';
import { checkActionflow } from '../../../shared/validation/check-actionflow.js';

const node = (id: string, type: string, config: Record<string, unknown> = {}, name = id) => ({ id, type, name, position: { x: 0, y: 0 }, config });
const link = (id: string, from: string, to: string, fromPoint = 'out', toPoint = 'in') => ({
  id,
  from: { node: from, point: fromPoint },
  to: { node: to, point: toPoint },
});

function problemsOf(flow: Partial<ActionflowInput>) {
  const parsed = actionflowSchema.parse({ name: 'F', nodes: [], ...flow });
  return checkActionflow(parsed).problems;
}

const endpoint = { api: {} };

describe('checkActionflow', () => {
  it('accepts a valid endpoint and fills config defaults', () => {
    const parsed = actionflowSchema.parse({
      name: 'F',
      ...endpoint,
      nodes: [node('in', 'apiInput'), node('a', 'aggregate'), node('o', 'output')],
      connections: [link('c1', 'in', 'a'), link('c2', 'a', 'o')],
    });
    const { flow, problems } = checkActionflow(parsed);
    expect(problems).toEqual([]);
    expect(flow.nodes[1]!.config).toEqual({ into: 'items' });
  });

  it('names an unknown node type', () => {
    expect(problemsOf({ nodes: [node('x', 'javascript')] })).toEqual([
      expect.objectContaining({ path: '$.nodes[0].type', message: 'unknown node type "javascript"', nodeId: 'x' }),
    ]);
  });

  it('reports a config that does not fit its type, with the field path', () => {
    const problems = problemsOf({ nodes: [node('g', 'gateway', { condition: '', extra: 1 })] });
    expect(problems.map((p) => p.path)).toEqual(expect.arrayContaining(['$.nodes[0].config.condition', '$.nodes[0].config']));
    expect(problems.find((p) => p.path === '$.nodes[0].config')?.message).toContain('unknown key "extra"');
  });

  it('reports a dangling connection', () => {
    const problems = problemsOf({ nodes: [node('a', 'calculate')], connections: [link('c1', 'a', 'ghost')] });
    expect(problems).toEqual([expect.objectContaining({ path: '$.connections[0].to.node', connectionId: 'c1', message: expect.stringContaining('"ghost"') })]);
  });

  it('reports an unknown connection point and lists the real ones', () => {
    const problems = problemsOf({ nodes: [node('g', 'gateway', { condition: 'true' }), node('o', 'output')], connections: [link('c1', 'g', 'o', 'yes')] });
    expect(problems[0]).toMatchObject({ path: '$.connections[0].from.point' });
    expect(problems[0]!.message).toContain('"true", "false"');
  });

  it('refuses a cycle and marks the nodes on it', () => {
    const problems = problemsOf({
      nodes: [node('a', 'calculate'), node('b', 'calculate'), node('c', 'output')],
      connections: [link('c1', 'a', 'b'), link('c2', 'b', 'a'), link('c3', 'b', 'c')],
    });
    expect(problems.find((p) => p.path === '$.connections')?.message).toContain('cycle');
    expect(problems.filter((p) => p.message === 'on a cycle').map((p) => p.nodeId)).toEqual(['a', 'b']);
  });

  it('requires an apiInput in an API endpoint', () => {
    expect(problemsOf({ ...endpoint, nodes: [node('o', 'output')] })).toEqual([
      expect.objectContaining({ path: '$.nodes', message: expect.stringContaining('apiInput') }),
    ]);
  });

  it('refuses a second apiInput', () => {
    expect(problemsOf({ nodes: [node('a', 'apiInput'), node('b', 'apiInput')] })).toEqual([
      expect.objectContaining({ path: '$.nodes[1]', message: expect.stringContaining('at most one apiInput') }),
    ]);
  });

  it('refuses duplicate node ids and names', () => {
    const problems = problemsOf({ nodes: [node('a', 'output', {}, 'Out'), node('a', 'output', {}, 'Out')] });
    expect(problems.map((p) => p.path)).toEqual(['$.nodes[1].id', '$.nodes[1].name']);
  });

  it('refuses upsert without a key', () => {
    expect(problemsOf({ nodes: [node('s', 'saveTable', { table: 't', mode: 'upsert' })] })).toEqual([
      expect.objectContaining({ path: '$.nodes[0].config.key', message: 'upsert needs a key column' }),
    ]);
  });

  it.each(['body', 'headers', 'contentType', 'url', 'timeout'])('refuses a declared parameter named %s', (name) => {
    expect(problemsOf({ nodes: [node('in', 'apiInput', { parameters: [{ name }] })] })).toEqual([
      expect.objectContaining({ path: '$.nodes[0].config.parameters[0].name', message: expect.stringContaining('reserved') }),
    ]);
  });

  it('refuses an output node without a name', () => {
    const result = actionflowSchema.safeParse({ name: 'F', nodes: [node('o', 'output', {}, '  ')] });
    expect(result.success).toBe(false);
    expect(result.error!.issues[0]!.path).toEqual(['nodes', 0, 'name']);
  });

  it('prefixes paths for a flow inside a workspace file', () => {
    const parsed = actionflowSchema.parse({ name: 'F', nodes: [node('x', 'nope')] });
    expect(checkActionflow(parsed, ['applications', 0, 'actionflows', 2]).problems[0]!.path).toBe('$.applications[0].actionflows[2].nodes[0].type');
  });
});
