import { describe, expect, it } from 'vitest';
import type { FlowDocument } from '../../../shared/dto/workspace.dto.js';
import { createFlowStore } from '../../../renderer/src/editor/flow-store.js';
import { checkedProblems } from './checked.js';

const document = (): FlowDocument => ({
  application: 'Demo',
  revision: 1,
  updatedAt: '2026-01-01T00:00:00.000Z',
  flow: {
    name: 'Moves',
    description: '',
    api: { enabled: true, allowAnonymous: true, mode: 'sync', timeoutMs: null, cors: null },
    nodes: [
      { id: 'in', type: 'apiInput', name: 'In', position: { x: 0, y: 0 }, config: {} },
      { id: 'f', type: 'filter', name: 'Keep', position: { x: 200, y: 0 }, config: { condition: '' } },
    ],
    connections: [{ id: 'c1', from: { node: 'in', point: 'out' }, to: { node: 'f', point: 'in' } }],
  },
});

const move = (store: ReturnType<typeof createFlowStore>, x: number) =>
  store.getState().onNodesChange([{ type: 'position', id: 'f', position: { x, y: 0 }, dragging: true }]);

describe('moving nodes in the flow editor store', () => {
  it('marks the flow unsaved while a node is away from its saved place, and saved again when it is back', () => {
    const store = createFlowStore(document());
    move(store, 260);
    expect(store.getState().dirty).toBe(true);
    move(store, 200);
    expect(store.getState().dirty).toBe(false);
  });

  it('keeps the same problems while nodes only move, and finds new ones after an edit', async () => {
    const store = createFlowStore(document());
    const problems = await checkedProblems(store);
    expect(problems.byNode.f?.length).toBeGreaterThan(0);
    for (let x = 210; x < 400; x += 10) move(store, x);
    store.getState().onNodesChange([{ type: 'select', id: 'f', selected: true }]);
    expect(store.getState().problems).toBe(problems);

    store.getState().updateNode('f', { config: { condition: 'true' } });
    expect(store.getState().problems.byNode.f).toBeUndefined();
  });
});
