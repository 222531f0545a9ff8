import type { AbortReason } from '../engine/run-aborted.error.js';
import type { FlowEngine } from '../engine/flow-engine.js';
import { MemoryRunLog } from '../engine/run-log.js';
import type { ChangeKind } from '../storage/change-bus.js';
import type { RunEvents, RunExecutor } from './run-executor.js';
import type { RunJob } from './run-job.js';
import { RunPerformer, type PerformedRun } from './run-performer.js';

/**
 * Performs runs in the calling process, on a given engine: for engine and API tests that replace
 * the engine's dependencies (a fake secret resolver, in-memory stores), and for tools that run
 * flows without a server. The server itself never uses it: its runs go to worker processes.
 */
export class InProcessExecutor implements RunExecutor {
  private readonly performer: RunPerformer;
  private readonly runs = new Map<string, PerformedRun>();

  constructor(
    private readonly engine: FlowEngine,
    readonly capacity = 16,
  ) {
    this.performer = new RunPerformer(engine);
  }

  perform(job: RunJob, events: RunEvents): void {
    this.engine.slice.begin();
    const log = new MemoryRunLog();
    const performed = this.performer.start(job, log);
    this.runs.set(job.processId, performed);
    void performed.answer.then(async (answer) => {
      // An aborted run's work unwinds a little after its answer; its trace comes then.
      await performed.finished;
      this.runs.delete(job.processId);
      events.messages(log.messages);
      events.done(answer, { counts: log.counts, credentials: performed.credentials(), ...(log.trace ? { trace: log.trace } : {}) });
    });
  }

  stop(processId: string, reason: AbortReason): void {
    this.runs.get(processId)?.abort(reason);
  }

  changed(_kind: ChangeKind): void {
    // The engine shares the stores' change bus: it has heard already.
  }

  async close(): Promise<void> {
    for (const run of this.runs.values()) run.abort('shutdown');
    await Promise.all([...this.runs.values()].map((run) => run.answer));
  }
}
