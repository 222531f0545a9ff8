#!/usr/bin/env node
// `npm run bench`: starts the real server (built dist/) on a workspace of its own in a temporary
// data folder, and the bare Express baseline of DESIGN §9, each in its own process, then loads
// them over loopback with autocannon from this process, bounded in time. See bench/README.md.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { benchWorkspace, BODY, ORDER, ORDER_BODY } from './bench-workspace.mjs';
import { measureGrowth } from './growth.mjs';
import { cpuMs, flatness, load, rssMiB, sampleRss } from './measure.mjs';
import { actionflow, BASELINE_ARGS, buildServer, SERVER_ARGS, startListening } from './processes.mjs';
import { baselineMeans, GREET, load1m, machine, table } from './report.mjs';

const { values: options } = parseArgs({
  options: {
    seconds: { type: 'string', default: '10' },
    warmup: { type: 'string', default: '5' },
    connections: { type: 'string', default: '10' },
    requests: { type: 'string', default: '100000' },
    profile: { type: 'string' },
    part: { type: 'string', default: 'all' },
  },
});
if (!['all', 'main', 'growth'].includes(options.part)) throw new Error(`--part is all, main or growth, not ${options.part}`);
const seconds = Number(options.seconds);
const warmup = Number(options.warmup);
const connections = Number(options.connections);
const memoryRequests = Number(options.requests);
const JSON_HEADERS = { 'content-type': 'application/json' };
/** The 10-node flow's baseline, as the table's rows name it. */
const ORDER_BASELINE = 'order';

const log = (line) => console.error(line);

async function main() {
  const loadBefore = load1m();
  log('building the server (tsc -b)…');
  buildServer();
  const profiling = options.profile ? ['--cpu-prof', '--cpu-prof-dir', options.profile] : [];
  const where = machine();
  console.log(`\nActionflow Studio benchmark, ${where.date}: ${where.cpu}, ${where.cores} cores, Node ${where.node}`);
  console.log(
    `${connections} connections, ${seconds} s per scenario after ${warmup} s of warm-up; server, baseline and load generator in separate processes on the same cores.`,
  );
  console.log(`load average (1 min) before the run: ${loadBefore.toFixed(2)}; well above 0 means other work shared the cores.\n`);
  if (options.part !== 'growth') await measureMain(profiling);
  if (options.part === 'main') return;
  const growthDir = mkdtempSync(join(tmpdir(), 'actionflow-bench-growth-'));
  try {
    const lines = await measureGrowth({ dataDir: growthDir, benchApplication: benchWorkspace.applications[0], seconds, warmup, connections, profiling, log });
    console.log(`\ngrowth (DESIGN §9, cost as work grows; load average now ${load1m().toFixed(2)}):\n`);
    console.log(lines.join('\n'));
  } finally {
    rmSync(growthDir, { recursive: true, force: true });
  }
}

/** The scenarios against the baseline, and memory over many triggers. */
async function measureMain(profiling) {
  const dataDir = mkdtempSync(join(tmpdir(), 'actionflow-bench-'));
  const workspaceFile = join(dataDir, 'bench-workspace.json');
  writeFileSync(workspaceFile, JSON.stringify(benchWorkspace));
  actionflow(['import', workspaceFile, '--data', dataDir]);

  const server = await startListening('actionflow serve', SERVER_ARGS(dataDir), profiling);
  const baseline = await startListening('the baseline', BASELINE_ARGS);
  try {
    const sync = `${server.url}/phixflow/api/1/action/Bench/Greet/trigger`;
    const async = `${server.url}/phixflow/api/1/action/Bench/Greet%20Later/trigger`;
    const bare = `${baseline.url}/greet`;
    const order = `${server.url}/phixflow/api/1/action/Bench/Order%20Bands/trigger`;
    const bareOrder = `${baseline.url}/order`;
    const pollUrl = await checkReplies(sync, async, bare);
    await checkOrderReplies(order, bareOrder);

    const scenarios = [
      { name: 'baseline: bare Express, same body, JSONata and JSON', pid: baseline.pid, url: bare, baseline: GREET },
      { name: '3-node sync trigger, console on', pid: server.pid, url: sync },
      { name: '3-node async trigger (answered within its timeout)', pid: server.pid, url: async },
      { name: 'poll of a finished run', pid: server.pid, url: pollUrl, method: 'GET' },
      {
        name: "10-node flow's baseline: bare Express, the same work in JavaScript",
        pid: baseline.pid,
        url: bareOrder,
        body: ORDER_BODY,
        baseline: ORDER_BASELINE,
      },
      { name: '10-node sync trigger (split, gateway, aggregate), console on', pid: server.pid, url: order, body: ORDER_BODY, against: ORDER_BASELINE },
      { name: 'baseline again (drift check)', pid: baseline.pid, url: bare, baseline: GREET },
    ];
    // Both servers first run a while (JIT, heap, the console's table filling), so that the first
    // scenario measured on each is not also its warm-up.
    log(`warming both servers up for ${2 * warmup} s each…`);
    await load({ url: bare, method: 'POST', body: BODY, headers: JSON_HEADERS, connections, seconds: 2 * warmup });
    await load({ url: sync, method: 'POST', body: BODY, headers: JSON_HEADERS, connections, seconds: 2 * warmup });

    const rows = [];
    for (const scenario of scenarios) {
      const request = {
        url: scenario.url,
        method: scenario.method ?? 'POST',
        ...(scenario.method === 'GET' ? {} : { body: scenario.body ?? BODY, headers: JSON_HEADERS }),
        connections,
      };
      log(`${scenario.name}: ${warmup} s warm-up, ${seconds} s measured…`);
      await load({ ...request, seconds: warmup });
      const cpuBefore = cpuMs(scenario.pid);
      const measured = await load({ ...request, seconds });
      const cpuPerRequest = ((cpuMs(scenario.pid) - cpuBefore) * 1000) / measured.total;
      rows.push({ ...scenario, ...measured, cpuPerRequest, rss: rssMiB(scenario.pid) });
    }
    const baselines = baselineMeans(rows);

    log(`memory: ${memoryRequests} requests to the sync trigger, RSS sampled every 500 ms…`);
    const memory = await sampleRss(server.pid, 500, () =>
      load({ url: sync, method: 'POST', body: BODY, headers: JSON_HEADERS, connections, amount: memoryRequests, limitSeconds: 600 }),
    );
    const flat = flatness(memory.samples);

    console.log(table(rows, baselines));
    const { [GREET]: greet, [ORDER_BASELINE]: ofOrder } = baselines;
    console.log(
      `\nratios against each flow's own baseline: the 3-node flows' is the mean of its ${greet.runs} runs (${greet.requestsPerSecond.toFixed(0)} requests/s, ` +
        `${greet.cpuPerRequest.toFixed(0)} µs of CPU per request), the 10-node flow's its bare Express route (${ofOrder.requestsPerSecond.toFixed(0)} requests/s, ` +
        `${ofOrder.cpuPerRequest.toFixed(0)} µs of CPU per request)`,
    );
    console.log(
      `\nmemory over ${memory.result.total} sync triggers (${memory.result.failed} not 2xx, ${memory.result.seconds.toFixed(0)} s): RSS ${memory.samples[0].toFixed(1)} MiB at the start, ` +
        `at most ${flat.early.toFixed(1)} in the first half (after warm-up), at most ${flat.late.toFixed(1)} in the second, ${memory.samples.at(-1).toFixed(1)} at the end: ` +
        `${flat.flat ? 'flat' : 'growing'} (${(flat.growth * 100).toFixed(1)} % between the halves' peaks, over ${memory.samples.length} samples)`,
    );
  } finally {
    await Promise.all([server.stop(), baseline.stop()]);
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** Calls the 10-node flow and its baseline once each and checks they give the same data. */
async function checkOrderReplies(order, bareOrder) {
  const post = async (url) => {
    const response = await fetch(url, { method: 'POST', body: ORDER_BODY, headers: JSON_HEADERS });
    return { status: response.status, body: await response.json() };
  };
  const [fromFlow, fromBare] = [await post(order), await post(bareOrder)];
  if (fromBare.status !== 200 || !fromBare.body.data?.[ORDER.output]?.length) {
    throw new Error(`the 10-node baseline answered ${fromBare.status} ${JSON.stringify(fromBare.body)}`);
  }
  if (fromFlow.status !== 200 || JSON.stringify(fromFlow.body.data) !== JSON.stringify(fromBare.body.data)) {
    throw new Error(
      `the 10-node trigger answered ${fromFlow.status} ${JSON.stringify(fromFlow.body)}; expected 200 with ${JSON.stringify(fromBare.body.data)}`,
    );
  }
}

/** Calls each endpoint once, checks they give the same data, and gives the poll URL of a finished run. */
async function checkReplies(sync, async, bare) {
  const call = async (url, init) => {
    const response = await fetch(url, init);
    return { status: response.status, body: await response.json() };
  };
  const post = (url) => call(url, { method: 'POST', body: BODY, headers: JSON_HEADERS });
  const [fromSync, fromAsync, fromBare] = [await post(sync), await post(async), await post(bare)];
  for (const [name, reply] of [
    ['sync trigger', fromSync],
    ['async trigger', fromAsync],
    ['baseline', fromBare],
  ]) {
    if (reply.status !== 200 || JSON.stringify(reply.body.data) !== JSON.stringify(fromBare.body.data)) {
      throw new Error(`the ${name} answered ${reply.status} ${JSON.stringify(reply.body)}; expected 200 with ${JSON.stringify(fromBare.body.data)}`);
    }
  }
  const pollUrl = async.replace('/trigger', `/poll/${fromAsync.body.processId}`);
  const polled = await call(pollUrl, { method: 'GET' });
  if (polled.status !== 200 || polled.body.status !== 'Success') throw new Error(`poll answered ${polled.status} ${JSON.stringify(polled.body)}`);
  return pollUrl;
}

main().catch((error) => {
  console.error(`bench: ${error.message}`);
  process.exitCode = 1;
});
