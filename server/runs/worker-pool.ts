import type { ExpressionPreview, ExpressionPreviewRequest } from '../../shared/dto/expression-preview.dto.js';
import type { AbortReason } from '../engine/run-aborted.error.js';
import type { ChangeKind } from '../storage/change-bus.js';
import { endedAnswer, receivedAnswer, type RunAnswer } from './run-answer.js';
import type { RunEvents, RunExecutor } from './run-executor.js';
import type { RunJob } from './run-job.js';
import { abortedReply } from './run-reply.js';
import type { WorkerHandle, WorkerLauncher } from './worker-launcher.js';
import type { FromWorker } from './worker-messages.js';

/** How long a worker has to give up a run it was told to stop before it is killed (DESIGN §10: 1 s). */
export const STOP_GRACE_MS = 1000;

/**
 * How long past its deadline a run may go unanswered before its worker is killed: the worker
 * aborts it at the deadline itself unless something holds its event loop; half a second leaves
 * the kill, the exit and the reply time to arrive within the second DESIGN §10 allows.
 */
export const DEADLINE_GRACE_MS = 500;

/** The message of a run lost with a worker that another run's deadline or stop took down. */
export const LOST_NOT_CAUSED = 'lost with its worker (not caused by this run)';

/**
 * What a worker's last words say when it ran out of memory (V8's heap limit, a string or array
 * too large, a native allocation that failed). V8 writes a native stack trace after them, which
 * can be longer than the tail kept, so each piece of stderr is looked at as it arrives.
 */
const OUT_OF_MEMORY = /heap limit|out of memory|allocation failed|invalid size error|invalid array length|invalid string length|bad_alloc/i;

/** How much of the stderr before a piece is looked at with it, for words split between two pieces. */
const STDERR_OVERLAP = 64;

const STDERR_TAIL = 4096;

export interface WorkerPoolOptions {
  launch: WorkerLauncher;
  /** The worker script and its arguments (the data folder, the SQLite addon). */
  entry: string;
  args: string[];
  workers: number;
  runsPerWorker: number;
  memoryMb: number;
  /** Where lines about workers go (the server's stderr). */
  report: (line: string) => void;
}

interface AssignedRun {
  job: RunJob;
  events: RunEvents;
  killTimer?: NodeJS.Timeout;
}

/** Why the front ended a worker: one run's deadline or stop, or the server's stop. */
type KillCause = { processId: string; reason: AbortReason } | 'shutdown';

interface Worker {
  handle: WorkerHandle;
  ready: boolean;
  runs: Map<string, AssignedRun>;
  startedAt: number;
  cause?: KillCause;
  stderrTail: string;
  /** Its stderr said it ran out of memory. */
  outOfMemory: boolean;
  exited: boolean;
  onExit?: () => void;
}

/**
 * The run workers (DESIGN §10): processes that perform runs, so that a run that crashes, exhausts
 * memory or never yields takes down at most its own worker. Each run goes to the least busy
 * worker; one that is not given up within `STOP_GRACE_MS` of its deadline or stop gets its worker
 * killed. A worker that ends answers every run it held (the run that caused it, where known,
 * says so) and a new one takes its place.
 */
export class RunWorkerPool implements RunExecutor {
  private readonly workers: Worker[] = [];
  private readonly byRun = new Map<string, Worker>();
  private closing = false;
  /** Workers that died within a second of starting, lately: past a few, replacements wait. */
  private quickDeaths: number[] = [];
  private readonly started: Promise<void>;
  private readonly previews = new Map<number, { worker: Worker; resolve: (preview: ExpressionPreview) => void; timer: NodeJS.Timeout }>();
  private nextPreview = 1;
  private startup: { resolve: () => void; reject: (error: Error) => void } | undefined;

  constructor(private readonly options: WorkerPoolOptions) {
    this.started = new Promise<void>((resolve, reject) => (this.startup = { resolve, reject }));
    // A caller that never asks whether the workers started must not see an unhandled rejection.
    this.started.catch(() => undefined);
    for (let index = 0; index < options.workers; index++) this.workers.push(this.spawn());
  }

  /** Settles once every first worker is ready to take runs; rejects, with the worker's last words, when one cannot start. */
  ready(): Promise<void> {
    return this.started;
  }

  get capacity(): number {
    return this.options.workers * this.options.runsPerWorker;
  }

  perform(job: RunJob, events: RunEvents): void {
    const worker = this.leastBusy();
    if (!worker) {
      events.done(endedAnswer(500, 'Fail', job.processId, 'no run worker is available: they keep failing to start (see the server log)'));
      return;
    }
    const run: AssignedRun = { job, events };
    worker.runs.set(job.processId, run);
    this.byRun.set(job.processId, worker);
    run.killTimer = setTimeout(
      () => this.kill(worker, { processId: job.processId, reason: 'timeout' }),
      Math.max(0, job.deadlineAt + DEADLINE_GRACE_MS - Date.now()),
    );
    worker.handle.send({ type: 'run', job });
  }

  stop(processId: string, reason: AbortReason): void {
    const worker = this.byRun.get(processId);
    const run = worker?.runs.get(processId);
    if (!worker || !run) return;
    worker.handle.send({ type: 'stop', processId, reason });
    clearTimeout(run.killTimer);
    run.killTimer = setTimeout(() => this.kill(worker, { processId, reason }), STOP_GRACE_MS);
  }

  /**
   * Evaluates a designer's expression preview in a worker, like any run's evaluation (the front
   * never evaluates one); an error preview when no worker answers within `limitMs`.
   */
  preview(request: ExpressionPreviewRequest, limitMs: number): Promise<ExpressionPreview> {
    const worker = this.leastBusy();
    if (!worker) return Promise.resolve({ kind: 'error', message: 'no run worker is available to evaluate the preview' });
    const id = this.nextPreview++;
    return new Promise((resolve) => {
      const timer = setTimeout(() => this.previewed(id, { kind: 'error', message: `the preview did not finish within ${limitMs} ms` }), limitMs);
      this.previews.set(id, { worker, resolve, timer });
      worker.handle.send({ type: 'preview', id, request });
    });
  }

  private previewed(id: number, preview: ExpressionPreview): void {
    const pending = this.previews.get(id);
    if (!pending) return;
    this.previews.delete(id);
    clearTimeout(pending.timer);
    pending.resolve(preview);
  }

  changed(kind: ChangeKind): void {
    for (const worker of this.workers) worker.handle.send({ type: 'changed', kind });
  }

  async close(): Promise<void> {
    this.closing = true;
    const workers = [...this.workers];
    for (const worker of workers) for (const processId of worker.runs.keys()) worker.handle.send({ type: 'stop', processId, reason: 'shutdown' });
    await Promise.all(
      workers.map(
        (worker) =>
          new Promise<void>((resolve) => {
            if (worker.exited) return resolve();
            worker.onExit = resolve;
            const giveUp = () => this.kill(worker, 'shutdown');
            // Runs have a second to answer their stop; then the worker goes, answering for what it held.
            const waitForRuns = setInterval(() => {
              if (worker.runs.size === 0) {
                clearInterval(waitForRuns);
                clearTimeout(deadline);
                worker.handle.release();
                setTimeout(giveUp, STOP_GRACE_MS).unref();
              }
            }, 10);
            const deadline = setTimeout(() => {
              clearInterval(waitForRuns);
              giveUp();
            }, STOP_GRACE_MS);
          }),
      ),
    );
  }

  private spawn(): Worker {
    const { launch, entry, args, memoryMb } = this.options;
    const worker: Worker = {
      handle: launch({ entry, args, memoryMb }),
      ready: false,
      runs: new Map(),
      startedAt: Date.now(),
      stderrTail: '',
      outOfMemory: false,
      exited: false,
    };
    worker.handle.onMessage((message) => this.received(worker, message));
    worker.handle.onStderr((text) => {
      process.stderr.write(text);
      if (OUT_OF_MEMORY.test(worker.stderrTail.slice(-STDERR_OVERLAP) + text)) worker.outOfMemory = true;
      worker.stderrTail = (worker.stderrTail + text).slice(-STDERR_TAIL);
    });
    worker.handle.onExit((code, signal) => this.exited(worker, code, signal));
    return worker;
  }

  /**
   * The worker to take a run: the one holding the fewest runs, among those ready and with no run
   * past its deadline (one that is not giving up such a run may be held by it until it is
   * killed); a worker still starting, or a suspect one, only when there is nothing better.
   */
  private leastBusy(): Worker | undefined {
    const now = Date.now();
    let best: Worker | undefined;
    let bestRank = Infinity;
    for (const worker of this.workers) {
      if (worker.exited || worker.cause) continue;
      let overdue = false;
      for (const run of worker.runs.values()) if (run.job.deadlineAt < now) overdue = true;
      const rank = worker.runs.size + (worker.ready ? 0 : 1000) + (overdue ? 2000 : 0);
      if (rank < bestRank) {
        best = worker;
        bestRank = rank;
      }
    }
    return best;
  }

  private received(worker: Worker, message: FromWorker): void {
    if (message.type === 'ready') {
      worker.ready = true;
      if (this.startup && this.workers.every((each) => each.ready)) {
        this.startup.resolve();
        this.startup = undefined;
      }
    } else if (message.type === 'previewed') {
      this.previewed(message.id, message.preview);
    } else if (message.type === 'log') {
      for (const { processId, messages } of message.runs) worker.runs.get(processId)?.events.messages(messages);
    } else if (message.type === 'done') {
      const run = worker.runs.get(message.processId);
      if (!run) return;
      this.release(worker, run);
      if (message.messages.length > 0) run.events.messages(message.messages);
      run.events.done(receivedAnswer(message.answer), {
        counts: message.counts,
        credentials: message.credentials,
        ...(message.trace ? { trace: message.trace } : {}),
      });
    }
  }

  private release(worker: Worker, run: AssignedRun): void {
    clearTimeout(run.killTimer);
    worker.runs.delete(run.job.processId);
    this.byRun.delete(run.job.processId);
  }

  private kill(worker: Worker, cause: KillCause): void {
    if (worker.exited || worker.cause) return;
    worker.cause = cause;
    worker.handle.kill();
  }

  private exited(worker: Worker, code: number | null, signal: string | null): void {
    worker.exited = true;
    if (this.startup && !worker.ready) {
      const words = worker.stderrTail.trim().split('\n').slice(-3).join(' / ');
      this.startup.reject(new Error(`a run worker could not start (${signal ? `signal ${signal}` : `exit code ${code}`})${words ? `: ${words}` : ''}`));
      this.startup = undefined;
      this.closing = true;
    }
    this.workers.splice(this.workers.indexOf(worker), 1);
    const lost = [...worker.runs.values()];
    const crash = worker.cause ? undefined : crashOf(code, signal, worker.outOfMemory);
    for (const run of lost) {
      this.release(worker, run);
      run.events.done(lostAnswer(run.job, worker.cause, crash, lost.length));
    }
    for (const [id, pending] of this.previews)
      if (pending.worker === worker) this.previewed(id, { kind: 'error', message: `the worker evaluating the preview ${crash ?? 'ended'}` });
    if (crash && !this.closing) this.options.report(`actionflow: a run worker ${crash}; ${lost.length} run(s) were lost with it; starting another`);
    worker.onExit?.();
    if (!this.closing) this.replace(worker);
  }

  /** A new worker in place of one that ended; after several quick deaths in a row, a little later. */
  private replace(dead: Worker): void {
    const now = Date.now();
    if (now - dead.startedAt < 1000) this.quickDeaths.push(now);
    this.quickDeaths = this.quickDeaths.filter((at) => now - at < 10_000);
    const start = () => {
      if (!this.closing) this.workers.push(this.spawn());
    };
    if (this.quickDeaths.length < 3) start();
    else setTimeout(start, 2000).unref();
  }
}

/** What became of a worker that ended on its own, in words. */
function crashOf(code: number | null, signal: string | null, outOfMemory: boolean): string {
  if (outOfMemory) return 'ran out of memory';
  return signal ? `crashed (signal ${signal})` : `crashed (exit code ${code})`;
}

/** The answer of a run whose worker ended before the run did. */
function lostAnswer(job: RunJob, cause: KillCause | undefined, crash: string | undefined, lostCount: number): RunAnswer {
  if (cause === 'shutdown') return endedAnswer(503, 'Aborted', job.processId, 'the server is stopping');
  if (cause) {
    if (cause.processId !== job.processId) return endedAnswer(500, 'Fail', job.processId, LOST_NOT_CAUSED);
    const { status, message } = abortedReply(cause.reason, job.allowedMs);
    return endedAnswer(status, 'Aborted', job.processId, message);
  }
  const what = `the worker ${crash ?? 'ended'}`;
  return endedAnswer(500, 'Fail', job.processId, lostCount === 1 ? what : `lost with its worker: ${what} while performing ${lostCount} runs`);
}
