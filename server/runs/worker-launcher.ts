import { fork } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { finished } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { eachOf, MessageBatch } from './message-batch.js';
import type { FromWorker, ToWorker } from './worker-messages.js';

/** The front's handle on one run worker process. */
export interface WorkerHandle {
  send(message: ToWorker): void;
  onMessage(listener: (message: FromWorker) => void): void;
  /** The process ended, and what it wrote to stderr has been delivered; `signal` when it was killed by one. */
  onExit(listener: (code: number | null, signal: string | null) => void): void;
  /** What the worker writes to stderr (a fatal error's last words say whether memory ran out). */
  onStderr(listener: (text: string) => void): void;
  /** Ends the process at once. */
  kill(): void;
  /** Lets the worker go: it exits once its channel closes. */
  release(): void;
}

/** What starting a worker takes: its entry script, its arguments, its heap. */
export interface WorkerSpec {
  entry: string;
  args: string[];
  memoryMb: number;
}

/** Starts a run worker: `child_process.fork` for the CLI and the browser designer, Electron's `utilityProcess.fork` in the desktop app. */
export type WorkerLauncher = (spec: WorkerSpec) => WorkerHandle;

/** The built worker script: beside this file when built, or in dist/ when the server runs from source (tests). */
export function defaultWorkerEntry(): string {
  const here = dirname(fileURLToPath(import.meta.url));
  const candidates = [resolve(here, 'run-worker.js'), resolve(here, '../../dist/server/runs/run-worker.js')];
  const found = candidates.find((file) => existsSync(file));
  if (!found) throw new Error(`the run worker is not built (looked for ${candidates.join(' and ')}); run npm run build`);
  return found;
}

/**
 * V8's flags for a worker: its heap limit, and a young generation of at most 4 MiB a half. A run's
 * garbage is short-lived and small, and V8's default lets each worker's young generation grow to
 * 48 MiB under load: across the pool that is most of the tree's memory, for no speed measured
 * (bench/README.md, 2026-12-06).
 */
export function workerExecArgv(spec: WorkerSpec): string[] {
  return [`--max-old-space-size=${spec.memoryMb}`, '--max-semi-space-size=4'];
}

/** Starts workers with `child_process.fork`, their stderr piped so a crash's cause can be read. */
export const forkWorker: WorkerLauncher = (spec) => {
  const child = fork(spec.entry, spec.args, {
    execArgv: workerExecArgv(spec),
    stdio: ['ignore', 'inherit', 'pipe', 'ipc'],
    serialization: 'json',
  });
  child.stderr?.setEncoding('utf8');
  // A message to a worker that has just died fails to write; its exit is what tells the pool.
  child.on('error', () => undefined);
  const outgoing = new MessageBatch<ToWorker>((messages) => {
    if (child.connected) child.send(messages, (error) => error && undefined);
  });
  child.on('exit', () => outgoing.clear());
  return {
    send: (message) => outgoing.send(message),
    onMessage: (listener) => child.on('message', eachOf(listener)),
    onExit: (listener) => child.on('exit', (code, signal) => afterLastWords(child.stderr, () => listener(code, signal))),
    onStderr: (listener) => child.stderr?.on('data', listener),
    kill: () => {
      outgoing.clear();
      child.kill('SIGKILL');
    },
    release: () => {
      outgoing.flush();
      if (child.connected) child.disconnect();
    },
  };
};

/**
 * Calls `then` once an ended process's stderr has delivered all it held (its last words say
 * whether it ran out of memory), or after a second at most: 'exit' can come before them. Not
 * 'close', which never comes for a worker whose channel the front closed first.
 */
export function afterLastWords(stderr: NodeJS.ReadableStream | null, then: () => void): void {
  if (!stderr) return then();
  let called = false;
  const once = () => {
    if (called) return;
    called = true;
    clearTimeout(timer);
    then();
  };
  const timer = setTimeout(once, 1000);
  finished(stderr, once);
}
