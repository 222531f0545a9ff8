import { flow, node } from '../../server/engine/engine-harness.js';

/** A flow that splits the body's items; the gateway sends even ones to the output and odd ones to a calculate node that fails them. */
const drawn = flow(
  'Order Checks',
  [
    node('in', 'apiInput'),
    node('split', 'split', { expression: '$parseJson(body).items' }, 'Each Item'),
    node('even', 'gateway', { condition: 'n % 2 = 0' }, 'Is Even'),
    node('odd', 'calculate', { attributes: [{ name: 'half', expression: '$error("odd item " & $string(n))' }] }, 'Halve'),
    node('o', 'output', { attributes: ['n'] }, 'result'),
  ],
  ['in->split', 'split->even', 'even.true->o', 'even.false->odd', 'odd->o'],
);

/** Where the nodes are drawn: left to right, the failing branch below. */
const PLACES: Record<string, { x: number; y: number }> = {
  in: { x: 0, y: 80 },
  split: { x: 280, y: 80 },
  even: { x: 560, y: 80 },
  odd: { x: 840, y: 240 },
  o: { x: 1120, y: 80 },
};

export const ORDER_CHECKS = { ...drawn, nodes: drawn.nodes.map((item) => ({ ...item, position: PLACES[item.id]! })) };
