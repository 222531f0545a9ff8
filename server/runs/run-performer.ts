import type { FlowEngine } from '../engine/flow-engine.js';
import { maskedRunLog } from '../engine/masked-run-log.js';
import { RunAbort, RunAborted, type AbortReason } from '../engine/run-aborted.error.js';
import { RunBudgetExceeded } from '../engine/run-budgets.js';
import type { RunLog } from '../engine/run-log.js';
import { endedAnswer, type RunAnswer } from './run-answer.js';
import type { RunJob } from './run-job.js';
import { runReply, type RunOutcome } from './run-reply.js';

/** A run being performed: its answer (settles once, never rejects) and its abort. */
export interface PerformedRun {
  readonly answer: Promise<RunAnswer>;
  /** Settles once the run's work has unwound (after an abort, a little after its answer). */
  readonly finished: Promise<void>;
  /** The credential values its messages are masked with (DESIGN §6). */
  credentials(): string[];
  /** Aborts the run for `reason`; its answer settles at once, the work unwinds on its own. */
  abort(reason: AbortReason): void;
}

/**
 * Performs runs where the engine is: in a run worker process, never in the front. Masks its
 * messages as they are made, enforces the deadline, and builds the reply's bytes (DESIGN §10: the
 * worker sends back the reply, not an object to re-encode).
 */
export class RunPerformer {
  constructor(
    private readonly engine: FlowEngine,
    private readonly now: () => number = Date.now,
  ) {}

  /** Starts `job`, its messages masked as they are made and written to `log` (the Request message is the run service's). */
  start(job: RunJob, unmasked: RunLog): PerformedRun {
    const { request } = job;
    const log = maskedRunLog(unmasked, request);
    const credentials = () => log.masker.known();
    const name = `actionflow "${job.actionflow}" of application "${job.application}"`;
    const stored = this.engine.catalog.find(job.application, job.actionflow);
    if (!stored || stored.id !== job.flowId) return settledRun(endedAnswer(500, 'Fail', job.processId, `${name} no longer exists`), credentials);
    const flow = this.engine.compile(stored);
    if (flow.problems.length > 0) {
      const [first] = flow.problems;
      return settledRun(endedAnswer(500, 'Fail', job.processId, `${name} cannot run: ${first!.path}: ${first!.message}`), credentials);
    }

    let settle!: (answer: RunAnswer) => void;
    const answer = new Promise<RunAnswer>((resolve) => (settle = resolve));
    let settled = false;
    const finish = (outcome: RunOutcome) => {
      if (settled) return;
      settled = true;
      try {
        settle(runReply(outcome, job.processId, job.allowedMs, flow));
      } catch (error) {
        // A result too deep or too odd to serialize still ends the run, with a message.
        settle(endedAnswer(500, 'Fail', job.processId, `internal error: the run's result cannot be sent (${(error as Error)?.message ?? String(error)})`));
      }
    };
    const signal = new RunAbort();
    const abort = (reason: AbortReason) => {
      if (signal.abort(reason)) finish({ status: 'aborted', reason });
    };
    const timer = setTimeout(abort, Math.max(0, job.deadlineAt - this.now()), 'timeout' satisfies AbortReason);
    const finished = this.engine
      .run(flow, request, { processId: job.processId, user: job.user, log, signal, budgets: job.budgets })
      .then(
        (result) => finish({ status: 'finished', result }),
        (error: unknown) => {
          if (error instanceof RunAborted) return;
          if (error instanceof RunBudgetExceeded) return finish({ status: 'failed', message: error.message });
          console.error(error);
          finish({ status: 'failed', message: `internal error: ${(error as Error)?.message ?? String(error)}` });
        },
      )
      .finally(() => clearTimeout(timer));
    return { answer, finished, abort, credentials };
  }
}

function settledRun(answer: RunAnswer, credentials: () => string[]): PerformedRun {
  return { answer: Promise.resolve(answer), finished: Promise.resolve(), abort: () => undefined, credentials };
}
