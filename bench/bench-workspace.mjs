// The flows the benchmark calls, and the expressions both they and the baselines evaluate (DESIGN §9).

/** The calculate node's expression: the same text the baseline compiles. */
export const GREETING = '"hello " & $parseJson(body).name';

/** The body every trigger sends. */
export const BODY = JSON.stringify({
  name: 'Ada',
  items: [
    { sku: 'A-1', qty: 2 },
    { sku: 'B-7', qty: 1 },
  ],
});

const at = (index) => ({ x: index * 220, y: 0 });

/** apiInput → calculate → output: the 3-node flow of DESIGN §9, in `mode`. */
function greetFlow(name, mode) {
  return {
    name,
    api: { allowAnonymous: true, mode },
    nodes: [
      { id: 'in', type: 'apiInput', name: 'In', position: at(0) },
      { id: 'greet', type: 'calculate', name: 'Greet', position: at(1), config: { attributes: [{ name: 'greeting', expression: GREETING }] } },
      { id: 'out', type: 'output', name: 'result', position: at(2), config: { attributes: ['greeting'] } },
    ],
    connections: [
      { id: 'c1', from: { node: 'in', point: 'out' }, to: { node: 'greet', point: 'in' } },
      { id: 'c2', from: { node: 'greet', point: 'out' }, to: { node: 'out', point: 'in' } },
    ],
  };
}

/** The body the 10-node flow is sent: a customer's order of 20 lines, some of them large. */
export const ORDER_BODY = JSON.stringify({
  customer: 'C-1042',
  items: Array.from({ length: 20 }, (_, index) => ({ sku: `S-${index + 1}`, qty: (index % 5) + 1, price: 10 + index * 3 })),
});

/** The 10-node flow's expressions, by node: the same texts the baseline compiles. */
export const ORDER = {
  parse: [
    { name: 'order', expression: '$parseJson(body)' },
    { name: 'customer', expression: 'order.customer' },
  ],
  split: 'order.items',
  amount: [{ name: 'amount', expression: 'qty * price' }],
  large: 'amount >= 100',
  bulk: [
    { name: 'discount', expression: '$round(amount * 0.1, 2)' },
    { name: 'band', expression: '"large"' },
  ],
  plain: [
    { name: 'discount', expression: '0' },
    { name: 'band', expression: '"small"' },
  ],
  groupBy: 'band',
  into: 'lines',
  totals: [
    { name: 'band', expression: 'key' },
    { name: 'customer', expression: 'lines[0].customer' },
    { name: 'count', expression: '$count(lines)' },
    { name: 'total', expression: '$round($sum(lines.(amount - discount)), 2)' },
    { name: 'skus', expression: '[lines.sku]' },
  ],
  output: 'bands',
  attributes: ['band', 'customer', 'count', 'total', 'skus'],
};

const wire = (id, from, to, point = 'out') => ({ id, from: { node: from, point }, to: { node: to, point: 'in' } });

/**
 * apiInput → calculate (parse) → split (the order's lines) → calculate (amount) → gateway (large?)
 * → true: calculate (discount) / false: calculate (none) → aggregate (by band) → calculate (totals)
 * → output: the 10-node flow of DESIGN §9, sync.
 */
function orderFlow(name) {
  return {
    name,
    api: { allowAnonymous: true, mode: 'sync' },
    nodes: [
      { id: 'in', type: 'apiInput', name: 'In', position: at(0) },
      { id: 'parse', type: 'calculate', name: 'Parse', position: at(1), config: { attributes: ORDER.parse } },
      { id: 'split', type: 'split', name: 'Each Line', position: at(2), config: { expression: ORDER.split } },
      { id: 'amount', type: 'calculate', name: 'Amount', position: at(3), config: { attributes: ORDER.amount } },
      { id: 'large', type: 'gateway', name: 'Large?', position: at(4), config: { condition: ORDER.large } },
      { id: 'bulk', type: 'calculate', name: 'Bulk Discount', position: { x: 5 * 220, y: -120 }, config: { attributes: ORDER.bulk } },
      { id: 'plain', type: 'calculate', name: 'No Discount', position: { x: 5 * 220, y: 120 }, config: { attributes: ORDER.plain } },
      { id: 'band', type: 'aggregate', name: 'By Band', position: at(6), config: { into: ORDER.into, groupBy: ORDER.groupBy } },
      { id: 'totals', type: 'calculate', name: 'Totals', position: at(7), config: { attributes: ORDER.totals } },
      { id: 'out', type: 'output', name: ORDER.output, position: at(8), config: { attributes: ORDER.attributes } },
    ],
    connections: [
      wire('c1', 'in', 'parse'),
      wire('c2', 'parse', 'split'),
      wire('c3', 'split', 'amount'),
      wire('c4', 'amount', 'large'),
      wire('c5', 'large', 'bulk', 'true'),
      wire('c6', 'large', 'plain', 'false'),
      wire('c7', 'bulk', 'band'),
      wire('c8', 'plain', 'band'),
      wire('c9', 'band', 'totals'),
      wire('c10', 'totals', 'out'),
    ],
  };
}

/** A workspace file with the application Bench: Greet (sync), Greet Later (async) and Order Bands (the 10-node flow, sync). */
export const benchWorkspace = {
  format: 'actionflow-workspace',
  formatVersion: 1,
  applications: [{ name: 'Bench', actionflows: [greetFlow('Greet', 'sync'), greetFlow('Greet Later', 'async'), orderFlow('Order Bands')] }],
};
