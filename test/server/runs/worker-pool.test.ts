import { describe, expect, it } from 'vitest';
import { DEFAULT_RUN_BUDGETS } from '../../../server/engine/run-budgets.js';
import type { RunAnswer } from '../../../server/runs/run-answer.js';
import type { RunJob } from '../../../server/runs/run-job.js';
import type { WorkerHandle, WorkerLauncher } from '../../../server/runs/worker-launcher.js';
import type { FromWorker } from '../../../server/runs/worker-messages.js';
import { RunWorkerPool } from '../../../server/runs/worker-pool.js';
import { request } from '../engine/engine-harness.js';

/** A worker the test plays: it says what the test makes it say, on stderr and at its end. */
interface PlayedWorker {
  say(message: FromWorker): void;
  writeStderr(text: string): void;
  end(code: number | null, signal: string | null): void;
}

function playedPool() {
  const workers: PlayedWorker[] = [];
  const launch: WorkerLauncher = () => {
    const listeners: { message?: (message: FromWorker) => void; stderr?: (text: string) => void; exit?: (code: number | null, signal: string | null) => void } =
      {};
    workers.push({
      say: (message) => listeners.message?.(message),
      writeStderr: (text) => listeners.stderr?.(text),
      end: (code, signal) => listeners.exit?.(code, signal),
    });
    const handle: WorkerHandle = {
      send: () => undefined,
      onMessage: (listener) => (listeners.message = listener),
      onStderr: (listener) => (listeners.stderr = listener),
      onExit: (listener) => (listeners.exit = listener),
      kill: () => queueMicrotask(() => listeners.exit?.(null, 'SIGKILL')),
      release: () => queueMicrotask(() => listeners.exit?.(0, null)),
    };
    return handle;
  };
  const reported: string[] = [];
  const pool = new RunWorkerPool({ launch, entry: 'worker.js', args: [], workers: 1, runsPerWorker: 4, memoryMb: 128, report: (line) => reported.push(line) });
  workers[0]!.say({ type: 'ready' });
  return { pool, workers, reported };
}

const job = (processId: string): RunJob => ({
  processId,
  flowId: 1,
  revision: 1,
  application: 'App',
  actionflow: 'Hog',
  mode: 'sync',
  user: 'system',
  method: 'POST',
  bytes: 0,
  request: request(),
  deadlineAt: Date.now() + 60_000,
  allowedMs: 60_000,
  budgets: DEFAULT_RUN_BUDGETS,
});

/** What V8 writes as a native stack trace after its fatal line: `frames` lines of C++ names. */
const nativeStack = (frames: number) =>
  Array.from(
    { length: frames },
    (_, index) =>
      `${index + 1}: 0x10e91f1 v8::internal::HeapAllocator::AllocateRawWithRetryOrFailSlowPath(int, v8::internal::AllocationType) [/usr/bin/node]\n`,
  ).join('');

async function answerOfCrash(stderr: string[], signal: string) {
  const { pool, workers, reported } = playedPool();
  await pool.ready();
  const answer = new Promise<RunAnswer>((resolve) => pool.perform(job('p-1'), { messages: () => undefined, done: resolve }));
  for (const piece of stderr) workers[0]!.writeStderr(piece);
  workers[0]!.end(null, signal);
  const done = await answer;
  await pool.close();
  return { done, reported };
}

describe('a run worker that ends on its own', () => {
  it('is said to have run out of memory when V8 said so, however long the native stack trace written after it', async () => {
    const { done, reported } = await answerOfCrash(
      [
        '<--- Last few GCs --->\n',
        'FATAL ERROR: Reached heap limit Allocation failed - Java',
        'Script heap out of memory\n',
        '----- Native stack trace -----\n',
        nativeStack(80),
      ],
      'SIGABRT',
    );
    expect(done.reply.status).toBe(500);
    expect(JSON.parse(done.reply.body)).toEqual({ status: 'Fail', processId: 'p-1', message: 'the worker ran out of memory' });
    expect(reported).toEqual(['actionflow: a run worker ran out of memory; 1 run(s) were lost with it; starting another']);
  });

  it('is said to have run out of memory when a native allocation failed', async () => {
    const { done } = await answerOfCrash(["terminate called after throwing an instance of 'std::bad_alloc'\n", '  what():  std::bad_alloc\n'], 'SIGABRT');
    expect(done.reason).toBe('the worker ran out of memory');
  });

  it('is said to have crashed, with its signal, when its last words are not about memory', async () => {
    const { done } = await answerOfCrash(['Segmentation fault in a native addon\n', nativeStack(3)], 'SIGSEGV');
    expect(done.reason).toBe('the worker crashed (signal SIGSEGV)');
  });
});
