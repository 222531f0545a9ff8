import { describe, expect, it } from 'vitest';
import { validateFlow } from '../../../renderer/src/editor/validate-draft.js';
import type { Actionflow } from '../../../shared/schemas/actionflow.schema.js';

const flow = (changes: Partial<Actionflow> = {}): Actionflow => ({
  name: 'Hello',
  description: '',
  api: { enabled: true, allowAnonymous: false, mode: 'sync', timeoutMs: null, cors: null },
  nodes: [
    { id: 'in', type: 'apiInput', name: 'In', position: { x: 0, y: 0 }, config: {} },
    { id: 'g', type: 'gateway', name: 'Check', position: { x: 200, y: 0 }, config: { condition: 'true' } },
  ],
  connections: [{ id: 'c1', from: { node: 'in', point: 'out' }, to: { node: 'g', point: 'in' } }],
  ...changes,
});

describe('validating a draft as it is edited', () => {
  it('finds nothing wrong with a valid flow', () => {
    expect(validateFlow(flow()).all).toEqual([]);
  });

  it('ties config problems to their node and connection problems to their connection', () => {
    const result = validateFlow(
      flow({
        nodes: [
          { id: 'in', type: 'apiInput', name: 'In', position: { x: 0, y: 0 }, config: {} },
          { id: 'g', type: 'gateway', name: 'Check', position: { x: 200, y: 0 }, config: { condition: '' } },
        ],
        connections: [{ id: 'c1', from: { node: 'in', point: 'yes' }, to: { node: 'g', point: 'in' } }],
      }),
    );
    expect(result.byNode.g).toEqual(['Condition is required']);
    expect(result.byEdge.c1?.[0]).toContain('has no output point "yes"');
  });

  it('ties a schema problem (an empty node name) to its node by its index', () => {
    const result = validateFlow(flow({ nodes: [...flow().nodes.slice(0, 1), { ...flow().nodes[1]!, name: ' ' }] }));
    expect(result.byNode.g).toEqual(['name must not be empty']);
  });

  it('reports an unknown node type on the node', () => {
    const result = validateFlow(flow({ nodes: [...flow().nodes, { id: 'x', type: 'teleport', name: 'X', position: { x: 0, y: 0 }, config: {} }] }));
    expect(result.byNode.x).toEqual(['unknown node type "teleport"']);
  });

  it('points out expressions and templates that do not parse, inside lists too, at their paths', () => {
    const result = validateFlow(
      flow({
        nodes: [
          ...flow().nodes,
          {
            id: 'k',
            type: 'calculate',
            name: 'Calc',
            position: { x: 0, y: 0 },
            config: {
              attributes: [
                { name: 'a', expression: '1' },
                { name: 'b', expression: '1 +' },
              ],
            },
          },
          { id: 'h', type: 'http', name: 'Call', position: { x: 0, y: 0 }, config: { method: 'GET', url: 'https://x/${id', headers: [], outputs: [] } },
        ],
      }),
    );
    expect(result.all.filter((problem) => problem.nodeId === 'k')).toEqual([
      {
        path: '$.nodes[2].config.attributes[1].expression',
        message: 'the expression does not parse: Unexpected end of expression (at character 3)',
        nodeId: 'k',
      },
    ]);
    expect(result.byNode.h).toEqual(['the template is not valid: "${" at character 11 has no closing "}"']);
  });
});
