import type { RunSignal } from '../run-aborted.error.js';
import type { RunLog } from '../run-log.js';

/** What an evaluation needs from the run it belongs to: where helpers write, when to stop, what to mask. */
export interface ExpressionContext {
  /** The name of the node evaluating, for console messages. */
  readonly node: string;
  readonly log: RunLog;
  /** Fires when the run is aborted; a long evaluation checks it and stops. */
  readonly signal: RunSignal;
  /** Lets the other runs of the process in once this one has held the event loop for a slice (see `EventLoopSlice`). */
  pause(): Promise<void> | undefined;
  /** The largest value a built-in may return (the run's `maxValueBytes` budget). */
  readonly maxValueBytes: number;
  /** Remembers a secret value the run used, so it is masked wherever the run shows a value. */
  noteSecret(value: string): void;
  /** A copy of a value fit to show in the console: secrets and authorization headers masked. */
  mask(value: unknown): unknown;
}
