import { COUNTED_KINDS, type MessageCounts, type RunLog, type RunMessage, type RunMessageKind } from '../engine/run-log.js';
import type { RunTraceJson } from '../engine/run-trace.js';
import { MAX_MESSAGES_PER_ENTRY } from '../console/stored-message.js';

/**
 * A run's log inside a run worker: messages wait here until the worker sends them to the front in
 * a batch (so a run that is killed still shows what it did). What is past the console's cap per
 * entry is counted, never sent.
 */
export class WorkerRunLog implements RunLog {
  private pending: RunMessage[] = [];
  private sent = 0;
  readonly counts: MessageCounts = { errors: 0, warnings: 0, debug: 0, dropped: 0 };
  /** What the run did on its flow, once it has ended. */
  trace: RunTraceJson | undefined;

  constructor(
    readonly processId: string,
    /** Called when the first message of a batch arrives, so the worker schedules a send. */
    private readonly onPending: (log: WorkerRunLog) => void,
    private readonly now: () => number = Date.now,
  ) {}

  add(kind: RunMessageKind, text: string, details?: unknown): void {
    const counted = COUNTED_KINDS[kind];
    if (counted) this.counts[counted]++;
    if (this.sent + this.pending.length >= MAX_MESSAGES_PER_ENTRY) {
      this.counts.dropped++;
      return;
    }
    if (this.pending.length === 0) this.onPending(this);
    this.pending.push(details === undefined ? { kind, text, at: this.now() } : { kind, text, details, at: this.now() });
  }

  traced(trace: RunTraceJson): void {
    this.trace = trace;
  }

  /** The messages not sent yet, which now count as sent. */
  take(): RunMessage[] {
    const taken = this.pending;
    this.pending = [];
    this.sent += taken.length;
    return taken;
  }
}
