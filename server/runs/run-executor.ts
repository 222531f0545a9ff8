import type { AbortReason } from '../engine/run-aborted.error.js';
import type { RunMessage } from '../engine/run-log.js';
import type { ChangeKind } from '../storage/change-bus.js';
import type { RunTraceJson } from '../engine/run-trace.js';
import type { RunAnswer } from './run-answer.js';
import type { RunJob } from './run-job.js';
import type { MessageCounts } from '../engine/run-log.js';

/** What a run that ended on its own says besides its answer. */
export interface RunEnding {
  counts: MessageCounts;
  /** The credential values its masker learnt: the front masks the reply it logs with them. */
  credentials: string[];
  /** What the run did on its flow (DESIGN §8), masked. */
  trace?: RunTraceJson;
}

/** What a run tells its owner while it goes on, and once at its end. */
export interface RunEvents {
  messages(batch: readonly RunMessage[]): void;
  /** Exactly once per run, whatever happens to whatever performed it (`ending` when the run ended on its own). */
  done(answer: RunAnswer, ending?: RunEnding): void;
}

/** Performs runs: a pool of run worker processes in the server (DESIGN §10). */
export interface RunExecutor {
  /** How many runs it performs at once; more wait in the run service's queue. */
  readonly capacity: number;
  perform(job: RunJob, events: RunEvents): void;
  /** Aborts a run for `reason`; what does not give it up within a second is ended by force. */
  stop(processId: string, reason: AbortReason): void;
  /** Something changed in the workspace: caches of compiled flows, secrets and settings drop it. */
  changed(kind: ChangeKind): void;
  /** Stops every run ('shutdown'), waits for their ends (a second at most), and ends the workers. */
  close(): Promise<void>;
}
