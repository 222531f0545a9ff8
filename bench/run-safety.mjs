#!/usr/bin/env node
// `npm run bench:safety`: the figures of DESIGN §10 on the real server (built dist/) with its run
// workers: how far past its deadline a run that holds its worker is answered (the worker killed),
// how long other callers wait meanwhile, and how much a flood on one endpoint delays a trivial
// call to another. See bench/README.md ("Run safety").
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { actionflow, buildServer, SERVER_ARGS, startListening } from './processes.mjs';
import { load1m, machine } from './report.mjs';

const at = (index) => ({ x: index * 220, y: 0 });
/** apiInput → calculate(value = expression) → output, anonymous and sync. */
const computing = (name, expression) => ({
  name,
  api: { allowAnonymous: true },
  nodes: [
    { id: 'in', type: 'apiInput', name: 'In', position: at(0) },
    { id: 'c', type: 'calculate', name: 'Compute', position: at(1), config: { attributes: [{ name: 'value', expression }] } },
    { id: 'out', type: 'output', name: 'result', position: at(2), config: { attributes: ['value'] } },
  ],
  connections: [
    { id: 'c1', from: { node: 'in', point: 'out' }, to: { node: 'c', point: 'in' } },
    { id: 'c2', from: { node: 'c', point: 'out' }, to: { node: 'out', point: 'in' } },
  ],
});

const workspace = {
  format: 'actionflow-workspace',
  formatVersion: 1,
  applications: [
    {
      name: 'Safety',
      actionflows: [
        computing('Echo', 'body'),
        // One built-in call that holds the worker's event loop for seconds: only the kill ends it.
        computing('Blocker', '$length($replace($pad("", 12000000, "a"), /a/, "b"))'),
        // Ordinary CPU work that yields between evaluations: about 20 ms a run.
        computing('Busy', '$sum($map([1..20000], function($i) { $i * 2 }))'),
      ],
    },
  ],
};

const log = (line) => console.error(line);
const ms = (start) => Number(process.hrtime.bigint() - start) / 1e6;

async function timed(url, init) {
  const start = process.hrtime.bigint();
  const response = await fetch(url, init);
  await response.arrayBuffer();
  return { status: response.status, ms: ms(start) };
}

/** Calls `url` one after another until `stop()` says so; gives each call's time. */
async function keepCalling(url, stop) {
  const times = [];
  while (!stop()) times.push((await timed(url, { method: 'POST', body: '"ping"' })).ms);
  return times;
}

const quantile = (values, q) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
};
const round = (value) => Math.round(value);

async function main() {
  const loadBefore = load1m();
  buildServer();
  const dataDir = mkdtempSync(join(tmpdir(), 'actionflow-safety-'));
  const file = join(dataDir, 'safety.json');
  writeFileSync(file, JSON.stringify(workspace));
  actionflow(['import', file, '--data', dataDir]);
  const server = await startListening('actionflow serve', SERVER_ARGS(dataDir));
  const url = (flow, query = '') => `${server.url}/phixflow/api/1/action/Safety/${flow}/trigger${query}`;
  try {
    for (let warm = 0; warm < 200; warm++) await timed(url('Echo'), { method: 'POST', body: '"warm"' });
    const alone = [];
    for (let index = 0; index < 200; index++) alone.push((await timed(url('Echo'), { method: 'POST', body: '"ping"' })).ms);

    log('a run that holds its worker past a 500 ms deadline…');
    const deadlines = [];
    const othersDuringKill = [];
    for (let round_ = 0; round_ < 5; round_++) {
      let done = false;
      const others = keepCalling(url('Echo'), () => done);
      const blocked = await timed(url('Blocker', '?timeout=500'), { method: 'POST' });
      done = true;
      othersDuringKill.push(...(await others));
      if (blocked.status !== 504) throw new Error(`the blocking run answered ${blocked.status}, not 504`);
      deadlines.push(blocked.ms - 500);
    }

    log('a flood of 50 connections on one endpoint, and single calls to another…');
    let flooding = true;
    const flood = Array.from({ length: 50 }, () => keepCalling(url('Busy'), () => !flooding));
    await new Promise((resolve) => setTimeout(resolve, 2000));
    const during = [];
    for (let index = 0; index < 100; index++) during.push((await timed(url('Echo'), { method: 'POST', body: '"ping"' })).ms);
    flooding = false;
    const busyTimes = (await Promise.all(flood)).flat();

    const rows = [
      [
        'a run held past its deadline: answered after the deadline by (ms)',
        `median ${round(quantile(deadlines, 0.5))}, max ${round(Math.max(...deadlines))}`,
        'at most 1000',
      ],
      [
        'other callers while that worker is killed and replaced (ms)',
        `p50 ${round(quantile(othersDuringKill, 0.5))}, max ${round(Math.max(...othersDuringKill))}`,
        'at most 2000',
      ],
      ['a trivial call alone (ms)', `p50 ${quantile(alone, 0.5).toFixed(1)}, p99 ${quantile(alone, 0.99).toFixed(1)}`, ''],
      ["the flood endpoint's own run time under the flood (ms)", `p50 ${round(quantile(busyTimes, 0.5))}`, ''],
      [
        'a trivial call to another endpoint during the flood (ms)',
        `p50 ${quantile(during, 0.5).toFixed(1)}, p99 ${quantile(during, 0.99).toFixed(1)}, max ${round(Math.max(...during))}`,
        'its own time + 100',
      ],
    ];
    const where = machine();
    console.log(`\n${where.date}: ${where.cpu}, ${where.cores} cores, Node ${where.node}; load average (1 min) before: ${loadBefore.toFixed(2)}\n`);
    console.log('| figure | measured | target (DESIGN §10) |\n|---|---|---|');
    for (const [what, measured, target] of rows) console.log(`| ${what} | ${measured} | ${target} |`);
  } finally {
    await server.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
