import type { ActionflowInput } from '../../../shared/schemas/actionflow.schema.js';

/** A new API endpoint: its request input connected to an output named `result` (DESIGN §8). */
export function newEndpointFlow(name: string): ActionflowInput {
  return {
    name,
    description: '',
    api: { enabled: true, allowAnonymous: false, mode: 'sync', timeoutMs: null, cors: null },
    nodes: [
      { id: 'in', type: 'apiInput', name: 'In', position: { x: 0, y: 0 }, config: {} },
      { id: 'result', type: 'output', name: 'result', position: { x: 560, y: 0 }, config: {} },
    ],
    connections: [{ id: 'c1', from: { node: 'in', point: 'out' }, to: { node: 'result', point: 'in' } }],
  };
}

/** A new actionflow that is not an endpoint (for `callFlow`): an empty canvas. */
export function newPlainFlow(name: string): ActionflowInput {
  return { name, description: '', nodes: [], connections: [] };
}
