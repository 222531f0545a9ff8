// Load and memory measurements: autocannon over loopback, RSS read from /proc.
import { readdirSync, readFileSync } from 'node:fs';
import autocannon from 'autocannon';

/** Process `pid` and its descendants now (the server's run workers are its children). */
export function processTree(pid) {
  const tree = [pid];
  for (let index = 0; index < tree.length; index++) {
    let tasks = [];
    try {
      tasks = readdirSync(`/proc/${tree[index]}/task`);
    } catch {
      continue;
    }
    for (const task of tasks) {
      try {
        const children = readFileSync(`/proc/${tree[index]}/task/${task}/children`, 'utf8').trim();
        if (children) tree.push(...children.split(' ').map(Number));
      } catch {
        // The task ended meanwhile.
      }
    }
  }
  return tree;
}

/** CPU time (user and system) that process `pid` and its descendants have used so far, in milliseconds (Linux /proc). */
export function cpuMs(pid) {
  let ticks = 0;
  for (const member of processTree(pid)) {
    try {
      const stat = readFileSync(`/proc/${member}/stat`, 'utf8');
      // Fields after the command name (which may hold spaces) start at the state, field 3; utime and stime are 14 and 15.
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      ticks += Number(fields[11]) + Number(fields[12]);
    } catch {
      // A worker that ended meanwhile.
    }
  }
  return (ticks * 1000) / CLOCK_TICKS;
}

/** Linux's USER_HZ, fixed at 100 on the architectures Node runs on. */
const CLOCK_TICKS = 100;

/** The resident set size of process `pid` and its descendants, in MiB (Linux /proc). */
export function rssMiB(pid) {
  let kib = 0;
  for (const member of processTree(pid)) {
    try {
      const status = readFileSync(`/proc/${member}/status`, 'utf8');
      kib += Number(/^VmRSS:\s+(\d+)\s+kB/m.exec(status)?.[1] ?? 0);
    } catch {
      // A worker that ended meanwhile.
    }
  }
  return kib / 1024;
}

/**
 * Sends requests to `url` over `connections` keep-alive connections, for `seconds` (or until
 * `amount` requests when given; stopped after `limitSeconds` whatever happens), and gives
 * requests per second, p50 and p99 latency in ms, and how many answers were not 2xx.
 */
export async function load({ url, method = 'POST', body, headers = {}, connections, seconds, amount, limitSeconds = 300 }) {
  const tracker = autocannon({
    url,
    method,
    ...(body === undefined ? {} : { body }),
    headers,
    connections,
    ...(amount === undefined ? { duration: seconds } : { amount }),
    timeout: 10,
  });
  const guard = setTimeout(() => tracker.stop(), limitSeconds * 1000);
  const result = await tracker;
  clearTimeout(guard);
  return {
    requestsPerSecond: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    total: result.requests.total,
    failed: result.non2xx + result.errors + result.timeouts,
    seconds: result.duration,
  };
}

/** Samples the RSS of `pid` every `everyMs` while `work` runs; gives the samples in MiB. */
export async function sampleRss(pid, everyMs, work) {
  const samples = [rssMiB(pid)];
  const timer = setInterval(() => samples.push(rssMiB(pid)), everyMs);
  try {
    const result = await work();
    samples.push(rssMiB(pid));
    return { result, samples };
  } finally {
    clearInterval(timer);
  }
}

/**
 * Whether memory stayed flat. RSS rises and falls with the garbage collector, so peaks are
 * compared: the highest sample of the second half against the highest of the first half after
 * its first fifth (warm-up: caches and JIT filling), within `tolerance`.
 */
export function flatness(samples, tolerance = 0.1) {
  const warm = Math.max(1, Math.floor(samples.length / 5));
  const half = Math.floor(samples.length / 2);
  const early = Math.max(...samples.slice(warm, half));
  const late = Math.max(...samples.slice(half));
  return { early, late, growth: (late - early) / early, flat: late <= early * (1 + tolerance) };
}
