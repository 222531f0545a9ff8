// The table flow's run without HTTP or the console, in two built checkouts (before and after a
// change), in one process, in alternating blocks: a comparison that the machine's load moves far
// less than two servers measured one after the other. See bench/README.md.
//   node bench/table-flow-ab.mjs BEFORE_DIR [AFTER_DIR (this checkout)] [ROUNDS (6)]
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as gw from './growth-workspace.mjs';

const [beforeDir, afterDir = fileURLToPath(new URL('..', import.meta.url)), rounds = '6'] = process.argv.slice(2);
if (!beforeDir) throw new Error('usage: node bench/table-flow-ab.mjs BEFORE_DIR [AFTER_DIR] [ROUNDS]; each a checkout built with tsc -b tsconfig.node.json');
const trees = { before: resolve(beforeDir), after: resolve(afterDir) };
const BLOCK = 1000;
const ROUNDS = Number(rounds);
async function setup(tree, flowName, tableFilter) {
  const d = (p) => import(`${tree}/dist/${p}`);
  const [
    { openDatabase },
    { createStores },
    { systemClock },
    { parseWorkspace },
    { importWorkspace },
    { createFlowEngine },
    { MemoryRunLog },
    { RunAbort },
    { noSecrets },
  ] = await Promise.all([
    d('server/storage/database.js'),
    d('server/storage/stores.js'),
    d('server/clock.js'),
    d('shared/validation/parse-workspace.js'),
    d('server/workspace/import.service.js'),
    d('server/engine/flow-engine.js'),
    d('server/engine/run-log.js'),
    d('server/engine/run-aborted.error.js'),
    d('server/security/secret-resolver.js'),
  ]);
  const stores = createStores(openDatabase(':memory:'), systemClock);
  const app = gw.growthApplication();
  app.tables = app.tables.filter(tableFilter);
  app.actionflows = app.actionflows.filter((f) => f.name === flowName);
  const parsed = parseWorkspace({ format: 'actionflow-workspace', formatVersion: 1, applications: [app] });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems).slice(0, 500));
  importWorkspace(stores, parsed.workspace);
  const engine = createFlowEngine(stores, noSecrets);
  const compiled = engine.compile(stores.flows.get('Growth', flowName));
  const req = { body: gw.SINCE_BODY, headers: {}, contentType: 'application/json', url: 'http://127.0.0.1/x', query: {} };
  return async () => {
    const r = await engine.run(compiled, req, { processId: 'p', user: 'system', log: new MemoryRunLog(), signal: new RunAbort() });
    return r.outputs.get('companies').length;
  };
}
for (const [flow, filter, label] of [
  ['Companies', (t) => t.name === 'companies', '100 rows'],
  ['Many Companies', (t) => t.name === 'many_companies', '100,000 rows'],
]) {
  const runs = { before: await setup(trees.before, flow, filter), after: await setup(trees.after, flow, filter) };
  const cpu = { before: [], after: [] };
  for (const k of ['before', 'after']) {
    if ((await runs[k]()) !== 49) throw new Error(k);
    for (let i = 0; i < 300; i++) await runs[k]();
  }
  const block = flow === 'Companies' ? BLOCK : 20;
  for (let r = 0; r < ROUNDS; r++)
    for (const k of r % 2 ? ['after', 'before'] : ['before', 'after']) {
      const c0 = process.cpuUsage();
      for (let i = 0; i < block; i++) await runs[k]();
      const c = process.cpuUsage(c0);
      cpu[k].push((c.user + c.system) / block);
    }
  const med = (a) => a.slice().sort((x, y) => x - y)[a.length >> 1];
  console.log(
    `table flow run, ${label}, without HTTP: before ${med(cpu.before).toFixed(1)} µs, after ${med(cpu.after).toFixed(1)} µs of CPU (medians of ${ROUNDS} blocks of ${block}); after/before ${(med(cpu.after) / med(cpu.before)).toFixed(2)}`,
  );
}
