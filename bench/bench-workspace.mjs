// The flows the benchmark calls, and the expression both they and the baseline evaluate (DESIGN §9).

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

/** A workspace file with the application Bench: Greet (sync) and Greet Later (async). */
export const benchWorkspace = {
  format: 'actionflow-workspace',
  formatVersion: 1,
  applications: [{ name: 'Bench', actionflows: [greetFlow('Greet', 'sync'), greetFlow('Greet Later', 'async')] }],
};
