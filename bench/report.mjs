// The benchmark's printed table and the machine it ran on.
import { cpus, loadavg } from 'node:os';

/** CPU model, core count, Node version and date: where a table's numbers come from. */
export function machine() {
  const list = cpus();
  return { cpu: list[0]?.model.trim() ?? 'unknown', cores: list.length, node: process.version, date: new Date().toISOString().slice(0, 10) };
}

/** The 1-minute load average: other work on the same cores lowers every figure, the baseline's too. */
export function load1m() {
  return loadavg()[0];
}

const fixed = (value, digits = 0) => (Number.isFinite(value) ? value.toFixed(digits) : '-');

/**
 * A Markdown table: one row per scenario, with its ratio of requests per second against its
 * baseline (`baselines[row.against]`, the 3-node flows' when none is named), and the server's CPU
 * time per request (user and system) with the baseline's over it: the throughput's ratio as it
 * would be on a machine where nothing else competes for the cores.
 */
export function table(rows, baselines) {
  const lines = [
    '| scenario | requests/s | p50 ms | p99 ms | RSS after, MiB | CPU µs/request | vs its baseline (requests/s) | vs its baseline (CPU) |',
    '|---|---:|---:|---:|---:|---:|---:|---:|',
  ];
  for (const row of rows) {
    const failed = row.failed ? ` (${row.failed} not 2xx)` : '';
    const baseline = baselines[row.against ?? GREET];
    const ratio = row.baseline ? '1.00' : fixed(row.requestsPerSecond / baseline.requestsPerSecond, 2);
    const cpuRatio = row.baseline ? '1.00' : fixed(baseline.cpuPerRequest / row.cpuPerRequest, 2);
    lines.push(
      `| ${row.name}${failed} | ${fixed(row.requestsPerSecond)} | ${fixed(row.p50, 1)} | ${fixed(row.p99, 1)} | ${fixed(row.rss, 1)} | ${fixed(row.cpuPerRequest)} | ${ratio} | ${cpuRatio} |`,
    );
  }
  return lines.join('\n');
}

/** The baseline the 3-node flows are measured against. */
export const GREET = 'greet';

/** Each baseline's mean requests per second and CPU µs per request over its runs (rows with `baseline` set to its name). */
export function baselineMeans(rows) {
  const means = {};
  for (const name of new Set(rows.filter((row) => row.baseline).map((row) => row.baseline))) {
    const runs = rows.filter((row) => row.baseline === name);
    means[name] = {
      runs: runs.length,
      requestsPerSecond: runs.reduce((sum, row) => sum + row.requestsPerSecond, 0) / runs.length,
      cpuPerRequest: runs.reduce((sum, row) => sum + row.cpuPerRequest, 0) / runs.length,
    };
  }
  return means;
}
