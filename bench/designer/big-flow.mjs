// The flow the designer benchmark draws: 300 nodes in rows, as a large real endpoint might have.

const ROWS = 15;
const PER_ROW = 20;

/**
 * An API endpoint of `ROWS × PER_ROW` nodes: its input feeds the first calculate node of every row,
 * each row is a chain of calculate nodes, and the last of each row feeds one output. A valid flow
 * (the server refuses one with problems), laid out on a grid as auto-layout would.
 */
export function bigFlow(name) {
  const nodes = [{ id: 'in', type: 'apiInput', name: 'In', position: { x: 0, y: ((ROWS - 1) * 140) / 2 } }];
  const connections = [];
  const connect = (from, to) => connections.push({ id: `c${connections.length + 1}`, from: { node: from, point: 'out' }, to: { node: to, point: 'in' } });
  for (let row = 0; row < ROWS; row++) {
    for (let column = 0; column < PER_ROW - (row === ROWS - 1 ? 2 : 0); column++) {
      const id = `n${row}_${column}`;
      nodes.push({
        id,
        type: 'calculate',
        name: `Step ${row + 1}.${column + 1}`,
        position: { x: 280 * (column + 1), y: row * 140 },
        config: { attributes: [{ name: `v${column}`, expression: column === 0 ? '$length(body)' : `v${column - 1} + 1` }] },
      });
      connect(column === 0 ? 'in' : `n${row}_${column - 1}`, id);
    }
  }
  nodes.push({ id: 'out', type: 'output', name: 'result', position: { x: 280 * (PER_ROW + 1), y: ((ROWS - 1) * 140) / 2 } });
  for (let row = 0; row < ROWS; row++) connect(`n${row}_${PER_ROW - (row === ROWS - 1 ? 3 : 1)}`, 'out');
  return { name, description: 'The designer benchmark’s 300-node flow', api: { enabled: true, allowAnonymous: true, mode: 'sync' }, nodes, connections };
}
