import type { RunTraceJson } from '../engine/run-trace.js';
import type { Clock } from '../clock.js';
import { COUNTED_KINDS, type MessageCounts, type RunLog, type RunMessage, type RunMessageKind } from '../engine/run-log.js';
import type { WireReply } from '../runs/run-answer.js';
import type { ConsoleEntryRecord } from '../storage/console.store.js';
import { replyDetails, type RunEnd } from './run-entry.js';
import { MAX_MESSAGES_PER_ENTRY } from './stored-message.js';

/**
 * A console entry while it is live (running, or finished and not yet written): its record and its
 * messages as the run wrote them (made and masked in the run worker, arriving in batches).
 * Messages past the cap are counted, not kept; the reply as sent is always kept. Stored secret
 * values are masked again when the entry is written or read.
 */
export class ConsoleRunLog implements RunLog {
  readonly messages: RunMessage[] = [];
  /** What the run did on its flow, once it has ended; masked when written or read like the messages. */
  trace: RunTraceJson | null = null;

  constructor(
    readonly record: ConsoleEntryRecord,
    private readonly clock: Clock,
    private readonly ended: (log: ConsoleRunLog) => void,
  ) {}

  get finished(): boolean {
    return this.record.status !== 'Running';
  }

  add(kind: RunMessageKind, text: string, details?: unknown): void {
    this.append([details === undefined ? { kind, text, at: this.clock.now() } : { kind, text, details, at: this.clock.now() }]);
  }

  /** Messages the run made, in order. */
  append(messages: readonly RunMessage[]): void {
    for (const message of messages) {
      const counted = COUNTED_KINDS[message.kind];
      if (counted) this.record.counts[counted]++;
      if (this.messages.length >= MAX_MESSAGES_PER_ENTRY) this.record.droppedMessages++;
      else this.messages.push(message);
    }
  }

  /** The run's own count of what it wrote, which includes what it never sent (past the cap). */
  counted(counts: MessageCounts): void {
    this.record.counts = { errors: counts.errors, warnings: counts.warnings, debug: counts.debug };
    // The run's own drops are messages it never sent; these add to the ones dropped here.
    this.record.droppedMessages += counts.dropped;
  }

  /** The reply as sent: a `Response` message kept even when the log is full, and the entry's reply status and size. */
  replied(reply: WireReply, text: string): void {
    const details = replyDetails(reply);
    this.record.reply = { status: reply.status, bytes: details.bytes };
    this.messages.push({ kind: 'Response', text, details, at: this.clock.now() });
  }

  /** What the run did on its flow (DESIGN §8), once it has ended. */
  traced(trace: RunTraceJson): void {
    this.trace = trace;
  }

  /** The run has ended (after its reply, or long after a 202 in async mode). */
  finish(end: RunEnd): void {
    if (this.finished) return;
    this.record.status = end.status;
    this.record.durationMs = Math.max(0, end.finishedAt - this.record.startedAt);
    this.record.reason = end.reason ?? null;
    this.ended(this);
  }
}
