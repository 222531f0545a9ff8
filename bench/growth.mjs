// The growth figures of DESIGN §9: an indexed `where` at 100,000 rows against 100; a trigger with
// 1,000,000 console entries and processes stored against none; a 10,000-record run against a
// one-record run. Each is the server's CPU time per request, measured in the same run.
import { randomUUID } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { BODY } from './bench-workspace.mjs';
import { growthApplication, itemsBody, SINCE_BODY } from './growth-workspace.mjs';
import { cpuMs, load } from './measure.mjs';
import { actionflow, SERVER_ARGS, startListening } from './processes.mjs';
import { tableReads } from './table-reads.mjs';

const JSON_HEADERS = { 'content-type': 'application/json' };
const STORED = 1_000_000;

/**
 * Measures the growth figures on a data folder of their own; `benchApplication` (the Greet flows)
 * is imported beside the Growth application. Gives printable lines.
 */
export async function measureGrowth({ dataDir, benchApplication, seconds, warmup, connections, profiling, log }) {
  const workspaceFile = join(dataDir, 'growth-workspace.json');
  writeFileSync(workspaceFile, JSON.stringify({ format: 'actionflow-workspace', formatVersion: 1, applications: [benchApplication, growthApplication()] }));
  log('growth: importing 100,100 table rows…');
  actionflow(['import', workspaceFile, '--data', dataDir]);

  let server = await startListening('actionflow serve', SERVER_ARGS(dataDir), profiling);
  const lines = [];
  try {
    const url = (flow) => `${server.url}/phixflow/api/1/action/${flow}/trigger`;
    const measure = async (name, flow, body, options = {}) => {
      const request = { url: url(flow), method: 'POST', body, headers: JSON_HEADERS, connections: options.connections ?? connections };
      await check(request, options.expect);
      log(`growth: ${name}: ${warmup} s warm-up, ${seconds} s measured…`);
      await load({ ...request, seconds: warmup });
      const before = cpuMs(server.pid);
      const measured = await load({ ...request, seconds });
      const cpu = ((cpuMs(server.pid) - before) * 1000) / measured.total;
      return { name, ...measured, cpu };
    };

    // As in the main scenarios, the server first runs a while (JIT, heap), so the first figure is not also its warm-up.
    const warmUp = () => load({ url: url('Bench/Greet'), method: 'POST', body: BODY, headers: JSON_HEADERS, connections, seconds: 2 * warmup });
    await warmUp();
    const greetEmpty = await measure('3-node sync trigger, console and processes as good as empty', 'Bench/Greet', BODY);
    const few = await measure('table flow, 100 rows', 'Growth/Companies', SINCE_BODY, { expect: 49 });
    const many = await measure('table flow, 100,000 rows', 'Growth/Many%20Companies', SINCE_BODY, { expect: 49 });
    const one = await measure('1-record run (split, calculate, output)', 'Growth/Items', itemsBody(1), { expect: 1 });
    const tenThousand = await measure('10,000-record run', 'Growth/Items', itemsBody(10_000), { connections: 1, expect: 10_000 });
    await server.stop();

    log(`growth: storing ${STORED.toLocaleString('en')} console entries and ${STORED.toLocaleString('en')} processes…`);
    const filled = fillConsoleAndProcesses(join(dataDir, 'studio.db'));
    server = await startListening('actionflow serve', SERVER_ARGS(dataDir), profiling);
    await warmUp();
    const greetFull = await measure(`3-node sync trigger, ${filled.entries.toLocaleString('en')} console entries and ${filled.processes.toLocaleString('en')} processes stored`, 'Bench/Greet', BODY);
    await server.stop();

    log('growth: timing table reads in this process…');
    const reads = await tableReads(join(dataDir, 'studio.db'));

    const row = (m) => `| ${m.name}${m.failed ? ` (${m.failed} not 2xx)` : ''} | ${m.requestsPerSecond.toFixed(0)} | ${m.p50.toFixed(1)} | ${m.p99.toFixed(1)} | ${m.cpu.toFixed(0)} |`;
    lines.push('| scenario | requests/s | p50 ms | p99 ms | CPU µs/request |', '|---|---:|---:|---:|---:|');
    for (const m of [greetEmpty, greetFull, few, many, one, tenThousand]) lines.push(row(m));
    lines.push('');
    lines.push(`- indexed where, 100,000 rows against 100 (CPU per trigger): ${(many.cpu / few.cpu).toFixed(2)}x (target: at most 2x)`);
    lines.push(`- the read alone, in this process: ${reads}`);
    lines.push(`- ${filled.entries.toLocaleString('en')} console entries and processes stored against none (CPU per trigger): ${(greetFull.cpu / greetEmpty.cpu).toFixed(2)}x (target: the same)`);
    lines.push(
      `- 10,000-record run against 10,000 x a third of a 1-record run: ${(tenThousand.cpu / ((10_000 * one.cpu) / 3)).toFixed(3)} (target: at most 1); ` +
        `${((tenThousand.cpu - one.cpu) / 9_999).toFixed(1)} µs of CPU per further record, a 1-record run ${one.cpu.toFixed(0)} µs`,
    );
    return lines;
  } finally {
    await server.stop();
  }
}

/** One call: it must answer 200, with `expect` records in its one output when given. */
async function check(request, expect) {
  const response = await fetch(request.url, { method: 'POST', body: request.body, headers: request.headers });
  const reply = await response.json();
  const records = Object.values(reply.data ?? {})[0];
  if (response.status !== 200 || (expect !== undefined && records?.length !== expect)) {
    throw new Error(`${request.url} answered ${response.status} with ${JSON.stringify(reply).slice(0, 300)}; expected 200 with ${expect} records`);
  }
}

/** Adds finished console entries and processes of the last hour (kept by the default retention) and raises the console's count limit to keep them. */
function fillConsoleAndProcesses(file) {
  const db = new Database(file);
  const now = Date.now();
  const request = JSON.stringify({ method: 'POST', url: '/phixflow/api/1/action/Bench/Greet/trigger', headers: { 'content-type': 'application/json' }, body: BODY });
  const reply = JSON.stringify({ status: 200, headers: { 'content-type': 'application/json' }, body: '{"status":"Success"}' });
  const entry = db.prepare(
    `INSERT INTO console_entries (process_id, application, actionflow, mode, user_name, status, started_at, duration_ms, request, reply, messages)
     VALUES (?, 'Bench', 'Greet', 'sync', 'anonymous', 'Success', ?, 1, ?, ?, '[]')`,
  );
  const process = db.prepare(
    `INSERT INTO processes (id, application, actionflow, mode, user_name, status, started_at, finished_at, result)
     VALUES (?, 'Bench', 'Greet', 'sync', 'anonymous', 'Success', ?, ?, '{"status":"Success","data":{}}')`,
  );
  for (let done = 0; done < STORED; done += 100_000) {
    db.transaction(() => {
      for (let i = done; i < done + 100_000; i++) {
        const at = now - 3_600_000 + Math.floor((i * 3_000_000) / STORED);
        const id = randomUUID();
        entry.run(id, at, request, reply);
        process.run(id, at, at + 1);
      }
    })();
  }
  db.prepare("INSERT INTO settings (key, value) VALUES ('consoleMaxEntries', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value").run(String(2 * STORED));
  const count = (table) => db.prepare(`SELECT COUNT(*) FROM ${table}`).pluck().get();
  const filled = { entries: count('console_entries'), processes: count('processes') };
  db.close();
  return filled;
}
