import { describe, expect, it, vi } from 'vitest';
import type { FlowDocument } from '../../../shared/dto/workspace.dto.js';
import { connectionAllowed, createFlowStore } from '../../../renderer/src/editor/flow-store.js';
import { flowFromDraft } from '../../../renderer/src/editor/flow-model.js';
import { checkedProblems } from './checked.js';

const document = (): FlowDocument => ({
  application: 'Demo',
  revision: 3,
  updatedAt: '2026-01-01T00:00:00.000Z',
  flow: {
    name: 'Hello',
    description: '',
    api: { enabled: true, allowAnonymous: true, mode: 'sync', timeoutMs: null, cors: null },
    nodes: [
      { id: 'in', type: 'apiInput', name: 'In', position: { x: 0, y: 0 }, config: {} },
      { id: 'result', type: 'output', name: 'result', position: { x: 400, y: 0 }, config: {} },
    ],
    connections: [{ id: 'c1', from: { node: 'in', point: 'out' }, to: { node: 'result', point: 'in' } }],
  },
});

describe('the flow editor store', () => {
  it('adds a node with its type’s defaults, a free id and name, and marks the flow unsaved', () => {
    const store = createFlowStore(document());
    expect(store.getState().dirty).toBe(false);
    const first = store.getState().addNode('calculate', { x: 200, y: 0 });
    const second = store.getState().addNode('calculate', { x: 200, y: 0 });
    const nodes = store.getState().nodes;
    expect([first, second]).toEqual(['calculate', 'calculate2']);
    expect(nodes.map((node) => node.data.name)).toEqual(['In', 'result', 'Calculate', 'Calculate 2']);
    expect(nodes[2]!.data.config).toEqual({ attributes: [{ name: 'result', expression: '$' }] });
    expect(nodes[3]!.position).not.toEqual(nodes[2]!.position);
    expect(store.getState().dirty).toBe(true);
    store.getState().updateNode(second, { name: 'Totals' });
    expect(store.getState().nodes[3]!.ariaLabel).toBe('Calculate Totals');
  });

  it('puts a node dropped on a connection into it, and leaves one dropped beside it alone', () => {
    const store = createFlowStore(document());
    const beside = store.getState().addNode('calculate', { x: 200, y: 300 });
    store.getState().dropOnConnection(beside);
    expect(flowFromDraft(store.getState()).connections).toEqual([{ id: 'c1', from: { node: 'in', point: 'out' }, to: { node: 'result', point: 'in' } }]);

    const dropped = store.getState().addNode('filter', { x: 200, y: 0 });
    store.getState().dropOnConnection(dropped);
    expect(flowFromDraft(store.getState()).connections).toEqual([
      { id: 'c1', from: { node: 'in', point: 'out' }, to: { node: dropped, point: 'in' } },
      { id: 'c2', from: { node: dropped, point: 'out' }, to: { node: 'result', point: 'in' } },
    ]);
    // Dropped again, now that it is connected, it stays as it is.
    store.getState().dropOnConnection(dropped);
    expect(flowFromDraft(store.getState()).connections).toHaveLength(2);
  });

  it('undoes and redoes each change, and a grouped edit as one step', () => {
    const store = createFlowStore(document());
    const id = store.getState().addNode('filter', { x: 200, y: 100 });
    store.getState().beginEdit();
    for (const text of ['a', 'ag', 'age', 'age >', 'age > 1']) store.getState().updateNode(id, { config: { condition: text } });
    store.getState().endEdit();
    expect(store.getState().nodes.find((node) => node.id === id)!.data.config).toEqual({ condition: 'age > 1' });

    store.getState().undo();
    expect(store.getState().nodes.find((node) => node.id === id)!.data.config).toEqual({ condition: 'true' });
    store.getState().undo();
    expect(store.getState().nodes.map((node) => node.id)).toEqual(['in', 'result']);
    expect(store.getState().dirty).toBe(false);
    store.getState().redo();
    store.getState().redo();
    expect(store.getState().nodes.find((node) => node.id === id)!.data.config).toEqual({ condition: 'age > 1' });
  });

  it('does not record selection as a step', () => {
    const store = createFlowStore(document());
    store.getState().selectOnly('in');
    store.getState().selectOnly(null);
    expect(store.temporal.getState().pastStates).toHaveLength(0);
  });

  it('keeps the API input when asked to delete it, removing the rest of the selection and its connections', () => {
    const store = createFlowStore(document());
    store.getState().selectAll();
    store.getState().deleteSelection();
    expect(store.getState().nodes.map((node) => node.id)).toEqual(['in']);
    expect(store.getState().edges).toEqual([]);
    store.getState().onNodesChange([{ type: 'remove', id: 'in' }]);
    expect(store.getState().nodes.map((node) => node.id)).toEqual(['in']);
  });

  it('shows a problem as soon as an edit makes one, and clears it when fixed', async () => {
    const store = createFlowStore(document());
    expect((await checkedProblems(store)).all).toEqual([]);
    const id = store.getState().addNode('gateway', { x: 200, y: 0 });
    store.getState().updateNode(id, { config: { condition: '' } });
    expect(store.getState().problems.byNode[id]).toEqual(['Condition is required']);
    store.getState().updateNode(id, { config: { condition: 'ok' } });
    expect(store.getState().problems.byNode[id]).toBeUndefined();
  });

  it('draws a flow opened before the checks have loaded unchecked, then checks it, with the edits made meanwhile', async () => {
    vi.resetModules();
    const fresh = await import('../../../renderer/src/editor/flow-store.js');
    const { UNCHECKED } = await import('../../../renderer/src/editor/flow-checks.js');
    const store = fresh.createFlowStore(document());
    expect(store.getState().problems).toBe(UNCHECKED);
    const id = store.getState().addNode('gateway', { x: 200, y: 0 });
    store.getState().updateNode(id, { config: { condition: '' } });
    expect(store.getState().problems).toBe(UNCHECKED);
    expect((await checkedProblems(store, UNCHECKED)).byNode[id]).toEqual(['Condition is required']);
  });

  it('pastes copied nodes with fresh ids and names, keeping the connections between them', () => {
    const store = createFlowStore(document());
    const a = store.getState().addNode('calculate', { x: 200, y: 0 });
    const b = store.getState().addNode('debug', { x: 200, y: 200 });
    store.getState().onConnect({ source: a, sourceHandle: 'out', target: b, targetHandle: 'in' });
    store.getState().onNodesChange([
      { type: 'select', id: a, selected: true },
      { type: 'select', id: b, selected: true },
    ]);
    const clipboard = store.getState().copySelection()!;
    store.getState().paste(clipboard);
    const flow = flowFromDraft(store.getState());
    expect(flow.nodes.map((node) => node.id)).toEqual(['in', 'result', 'calculate', 'debug', 'calculate2', 'debug2']);
    expect(flow.connections.at(-1)).toMatchObject({ from: { node: 'calculate2' }, to: { node: 'debug2' } });
  });

  it('adopts what the server saved and starts clean from there', () => {
    const store = createFlowStore(document());
    store.getState().updateFlow({ description: 'new' });
    const saved = document();
    saved.revision = 4;
    saved.flow.description = 'new';
    store.getState().markSaved(saved);
    expect(store.getState().baseRevision).toBe(4);
    expect(store.getState().dirty).toBe(false);
  });

  it('starts from a restored draft, unsaved and on the draft’s base revision', () => {
    const draft = { baseRevision: 2, flow: { ...document().flow, description: 'from the draft' } };
    const store = createFlowStore(document(), draft);
    expect(store.getState().description).toBe('from the draft');
    expect(store.getState().baseRevision).toBe(2);
    expect(store.getState().dirty).toBe(true);
  });
});

describe('which connections may be drawn', () => {
  const edges = [
    { id: 'c1', source: 'a', sourceHandle: 'out', target: 'b', targetHandle: 'in', type: 'actionflow' as const },
    { id: 'c2', source: 'b', sourceHandle: 'out', target: 'c', targetHandle: 'in', type: 'actionflow' as const },
  ];
  it('refuses a node to itself, the same connection twice, and one that closes a loop', () => {
    expect(connectionAllowed(edges, { source: 'a', target: 'a', sourceHandle: 'out', targetHandle: 'in' })).toBe(false);
    expect(connectionAllowed(edges, { source: 'a', target: 'b', sourceHandle: 'out', targetHandle: 'in' })).toBe(false);
    expect(connectionAllowed(edges, { source: 'c', target: 'a', sourceHandle: 'out', targetHandle: 'in' })).toBe(false);
  });
  it('allows a new branch', () => {
    expect(connectionAllowed(edges, { source: 'a', target: 'c', sourceHandle: 'out', targetHandle: 'in' })).toBe(true);
  });
});
