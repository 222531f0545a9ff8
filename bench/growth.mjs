// The growth figures of DESIGN §9: an indexed `where` at 100,000 rows against 100; a trigger with
// 1,000,000 console entries and processes stored against none; a 10,000-record run against a
// one-record run. Each is the server's CPU time per request; the two sides of each figure are
// measured in turns (A B, then B A), so that the machine's drift falls on both alike.
import { randomUUID } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
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
 * Measures the growth figures on two data folders of their own under `dataDir`: one with the
 * Growth application and the Bench flows (`benchApplication`), one with the Bench flows and a
 * million console entries and processes. Gives printable lines.
 */
export async function measureGrowth({ dataDir, benchApplication, seconds, warmup, connections, profiling, log }) {
  const plainDir = join(dataDir, 'plain');
  const storedDir = join(dataDir, 'stored');
  log('growth: importing 100,100 table rows…');
  importInto(plainDir, [benchApplication, growthApplication()]);
  importInto(storedDir, [benchApplication]);
  log(`growth: storing ${STORED.toLocaleString('en')} console entries and ${STORED.toLocaleString('en')} processes…`);
  const filled = fillConsoleAndProcesses(join(storedDir, 'studio.db'));

  const plain = await startListening('actionflow serve', SERVER_ARGS(plainDir), profiling);
  const stored = await startListening('actionflow serve', SERVER_ARGS(storedDir), profiling);
  try {
    const scenario = (name, server, flow, body, options = {}) => ({
      name,
      pid: server.pid,
      request: {
        url: `${server.url}/phixflow/api/1/action/${flow}/trigger`,
        method: 'POST',
        body,
        headers: JSON_HEADERS,
        connections: options.connections ?? connections,
      },
      expect: options.expect,
      rounds: [],
    });
    const empty = scenario('3-node sync trigger, console and processes as good as empty', plain, 'Bench/Greet', BODY);
    const full = scenario(
      `3-node sync trigger, ${filled.entries.toLocaleString('en')} console entries and ${filled.processes.toLocaleString('en')} processes stored`,
      stored,
      'Bench/Greet',
      BODY,
    );
    const few = scenario('table flow, 100 rows', plain, 'Growth/Companies', SINCE_BODY, { expect: 49 });
    const many = scenario('table flow, 100,000 rows', plain, 'Growth/Many%20Companies', SINCE_BODY, { expect: 49 });
    const one = scenario('1-record run (split, calculate, output)', plain, 'Growth/Items', itemsBody(1), { expect: 1 });
    const tenThousand = scenario('10,000-record run', plain, 'Growth/Items', itemsBody(10_000), { connections: 1, expect: 10_000 });
    const pairs = [
      [empty, full],
      [few, many],
      [one, tenThousand],
    ];
    for (const s of pairs.flat()) await check(s.request, s.expect);

    // As in the main scenarios, each server first runs a while (JIT, heap), so the first figure is not also its warm-up.
    log(`growth: warming both servers up for ${2 * warmup} s each…`);
    for (const s of [empty, full]) await load({ ...s.request, seconds: 2 * warmup });
    const half = seconds / 2;
    for (const round of [0, 1]) {
      for (const pair of pairs) {
        for (const s of round === 0 ? pair : [...pair].reverse()) {
          log(`growth: ${s.name}: ${warmup} s warm-up, ${half} s measured…`);
          await load({ ...s.request, seconds: warmup });
          const before = cpuMs(s.pid);
          const measured = await load({ ...s.request, seconds: half });
          s.rounds.push({ ...measured, cpuMs: cpuMs(s.pid) - before });
        }
      }
    }
    await Promise.all([plain.stop(), stored.stop()]);

    log('growth: timing table reads in this process…');
    const reads = await tableReads(join(plainDir, 'studio.db'));

    const cpu = (s) => (s.rounds.reduce((sum, r) => sum + r.cpuMs, 0) * 1000) / s.rounds.reduce((sum, r) => sum + r.total, 0);
    const row = (s) => {
      const failed = s.rounds.reduce((sum, r) => sum + r.failed, 0);
      const rps = s.rounds.reduce((sum, r) => sum + r.requestsPerSecond, 0) / s.rounds.length;
      const p99 = Math.max(...s.rounds.map((r) => r.p99));
      return `| ${s.name}${failed ? ` (${failed} not 2xx)` : ''} | ${rps.toFixed(0)} | ${p99.toFixed(1)} | ${cpu(s).toFixed(0)} |`;
    };
    const lines = ['| scenario | requests/s | p99 ms (worse round) | CPU µs/request |', '|---|---:|---:|---:|'];
    for (const s of pairs.flat()) lines.push(row(s));
    lines.push('');
    lines.push(`- indexed where, 100,000 rows against 100 (CPU per trigger): ${(cpu(many) / cpu(few)).toFixed(2)}x (target: at most 2x)`);
    lines.push(`- the read alone, in this process: ${reads}`);
    lines.push(
      `- ${filled.entries.toLocaleString('en')} console entries and ${filled.processes.toLocaleString('en')} processes stored against none (CPU per trigger): ${(cpu(full) / cpu(empty)).toFixed(2)}x (target: the same)`,
    );
    lines.push(
      `- 10,000-record run against 10,000 x a third of a 1-record run: ${(cpu(tenThousand) / ((10_000 * cpu(one)) / 3)).toFixed(3)} (target: at most 1); ` +
        `${((cpu(tenThousand) - cpu(one)) / 9_999).toFixed(1)} µs of CPU per further record, a 1-record run ${cpu(one).toFixed(0)} µs`,
    );
    return lines;
  } finally {
    await Promise.all([plain.stop(), stored.stop()]);
  }
}

function importInto(dir, applications) {
  mkdirSync(dir);
  const file = join(dir, 'workspace.json');
  writeFileSync(file, JSON.stringify({ format: 'actionflow-workspace', formatVersion: 1, applications }));
  actionflow(['import', file, '--data', dir]);
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
  const request = JSON.stringify({
    method: 'POST',
    url: '/phixflow/api/1/action/Bench/Greet/trigger',
    headers: { 'content-type': 'application/json' },
    body: BODY,
  });
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
  db.prepare("INSERT INTO settings (key, value) VALUES ('consoleMaxEntries', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value").run(
    String(2 * STORED),
  );
  const count = (table) => db.prepare(`SELECT COUNT(*) FROM ${table}`).pluck().get();
  const filled = { entries: count('console_entries'), processes: count('processes') };
  db.close();
  return filled;
}
