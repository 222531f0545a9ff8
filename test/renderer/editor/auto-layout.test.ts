import { describe, expect, it } from 'vitest';
import { layoutPositions } from '../../../renderer/src/editor/auto-layout.js';
import { toCanvasEdge, toCanvasNode } from '../../../renderer/src/editor/flow-model.js';

const node = (id: string, type = 'calculate') => toCanvasNode({ id, type, name: id, position: { x: 0, y: 0 }, config: {} });
const edge = (id: string, from: string, to: string, point = 'out') => toCanvasEdge({ id, from: { node: from, point }, to: { node: to, point: 'in' } });

describe('auto-layout', () => {
  it('places each node right of the nodes that lead to it, and the branches of a gateway apart', () => {
    const positions = layoutPositions(
      [node('in', 'apiInput'), node('g', 'gateway'), node('yes', 'output'), node('no', 'output')],
      [edge('c1', 'in', 'g'), edge('c2', 'g', 'yes', 'true'), edge('c3', 'g', 'no', 'false')],
    );
    expect(positions.get('g')!.x).toBeGreaterThan(positions.get('in')!.x);
    expect(positions.get('yes')!.x).toBeGreaterThan(positions.get('g')!.x);
    expect(positions.get('yes')!.x).toBe(positions.get('no')!.x);
    expect(positions.get('yes')!.y).not.toBe(positions.get('no')!.y);
  });

  it('keeps a gateway’s true branch above its false branch, so their wires do not cross, whatever order they were added in', () => {
    for (const order of [
      ['yes', 'no'],
      ['no', 'yes'],
    ]) {
      const positions = layoutPositions(
        [node('in', 'apiInput'), node('g', 'gateway'), ...order.map((id) => node(id, 'output'))],
        order.map((id, index) => edge(`c${index + 2}`, 'g', id, id === 'yes' ? 'true' : 'false')).concat(edge('c1', 'in', 'g')),
      );
      expect(positions.get('yes')!.y).toBeLessThan(positions.get('no')!.y);
    }
  });
});
