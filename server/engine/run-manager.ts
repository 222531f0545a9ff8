import { randomUUID } from 'node:crypto';
import type { ApiMode } from '../../shared/schemas/actionflow.schema.js';
import type { Clock } from '../clock.js';
import type { CompiledFlow } from './compile-flow.js';
import type { FlowEngine, RunResult } from './flow-engine.js';
import { withMaskedAuthorization } from './mask.js';
import { MaskedRunLog } from './masked-run-log.js';
import { RunMasker } from './run-masker.js';
import { RunAbort, RunAborted, type AbortReason } from './run-aborted.error.js';
import { loggedBody, type RunLog, type RunLogFactory } from './run-log.js';
import type { RequestInput } from './run-trigger.js';

/** How a run ended, as far as its caller is concerned. */
export type RunOutcome =
  | { status: 'finished'; result: RunResult }
  | { status: 'aborted'; reason: AbortReason }
  /** The engine itself failed (a defect, not a record's failure). */
  | { status: 'crashed'; message: string };

export interface StartRun {
  flow: CompiledFlow;
  request: RequestInput;
  /** The request line, for the console entry. */
  method: string;
  bytes: number;
  user: string;
  mode: ApiMode;
  /** The run is aborted after this long (the sync timeout, or the server's maximum run time). */
  deadlineMs: number;
}

/** A started run. */
export interface RunHandle {
  readonly processId: string;
  readonly startedAt: number;
  readonly deadlineMs: number;
  readonly application: string;
  readonly actionflow: string;
  readonly log: RunLog;
  /** Settles when the run finishes or is aborted, whichever comes first; never rejects. */
  readonly outcome: Promise<RunOutcome>;
  /** Aborts the run as stopped from the console. */
  stop(): void;
  /** Aborts the run for `reason` (a no-op once it has ended or been aborted). */
  abort(reason: AbortReason): void;
}

/**
 * Starts runs, each with a random UUID v4 process id, its own log, an abort signal and a
 * deadline, and knows which are still running (for the concurrency limit and for stopping them).
 */
export class RunManager {
  private readonly active = new Map<string, RunHandle>();

  constructor(
    readonly engine: FlowEngine,
    private readonly openLog: RunLogFactory,
    private readonly clock: Clock,
  ) {}

  /** Runs whose work has not ended yet (an aborted run counts until it has unwound). */
  get running(): number {
    return this.active.size;
  }

  /** The runs still running. */
  list(): RunHandle[] {
    return [...this.active.values()];
  }

  /** Stops a running run; false when there is no such run. */
  stop(processId: string): boolean {
    const handle = this.active.get(processId);
    handle?.stop();
    return handle !== undefined;
  }

  /** Aborts every run still running because the server is stopping; their callers get their replies at once. */
  stopAll(): void {
    for (const handle of this.active.values()) handle.abort('shutdown');
  }

  start(run: StartRun): RunHandle {
    const processId = randomUUID();
    const startedAt = this.clock.now();
    const { flow, request } = run;
    const masker = new RunMasker().note(request.headers, request.url);
    const log = new MaskedRunLog(this.openLog({
      processId,
      application: flow.application,
      actionflow: flow.flow.name,
      mode: run.mode,
      user: run.user,
      startedAt,
      request: { method: run.method, url: masker.text(request.url), contentType: request.contentType, bytes: run.bytes },
    }), masker);
    log.add('Request', `${run.method} ${request.url}`, {
      method: run.method,
      url: request.url,
      contentType: request.contentType,
      bytes: run.bytes,
      headers: withMaskedAuthorization(request.headers),
      body: loggedBody(request.body).body,
    });

    let settle!: (outcome: RunOutcome) => void;
    const outcome = new Promise<RunOutcome>((resolve) => (settle = resolve));
    const signal = new RunAbort();
    // Every abort comes through here, so the outcome settles with it (no listener on the signal needed).
    const abort = (reason: AbortReason) => {
      if (signal.abort(reason)) settle({ status: 'aborted', reason });
    };
    const timer = setTimeout(abort, run.deadlineMs, 'timeout' satisfies AbortReason);
    const handle: RunHandle = {
      processId,
      startedAt,
      deadlineMs: run.deadlineMs,
      application: flow.application,
      actionflow: flow.flow.name,
      log,
      outcome,
      stop: () => abort('stopped'),
      abort,
    };
    this.active.set(processId, handle);
    // The first to settle wins: the run's end, or its abort (the work then unwinds on its own).
    void this.engine
      .run(flow, request, { processId, user: run.user, log, signal })
      .then(
        (result) => settle({ status: 'finished', result }),
        (error: unknown) => {
          if (error instanceof RunAborted) return;
          console.error(error);
          settle({ status: 'crashed', message: (error as Error)?.message ?? String(error) });
        },
      )
      .finally(() => {
        clearTimeout(timer);
        this.active.delete(processId);
      });
    return handle;
  }
}
