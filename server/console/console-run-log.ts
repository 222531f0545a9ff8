import type { RunTrace } from '../../shared/dto/run-trace.dto.js';
import type { RunEnd, RunLog, RunMessage, RunMessageKind, SentReply } from '../engine/run-log.js';
import { replyDetails } from '../engine/run-log.js';
import type { Clock } from '../clock.js';
import type { ConsoleEntryRecord } from '../storage/console.store.js';
import { MAX_MESSAGES_PER_ENTRY } from './stored-message.js';

const COUNTED: Partial<Record<RunMessageKind, keyof ConsoleEntryRecord['counts']>> = { Error: 'errors', Warning: 'warnings', Debug: 'debug' };

/**
 * A console entry while it is live (running, or finished and not yet written): its record and its
 * messages as the run wrote them. Messages past the cap are counted, not kept; the reply as sent
 * is always kept. Masking happens when the entry is written or read.
 */
export class ConsoleRunLog implements RunLog {
  readonly messages: RunMessage[] = [];
  /** What the run did on its flow, once it has ended; masked when written or read like the messages. */
  trace: RunTrace | null = null;

  constructor(
    readonly record: ConsoleEntryRecord,
    private readonly clock: Clock,
    private readonly ended: (log: ConsoleRunLog) => void,
  ) {}

  get finished(): boolean {
    return this.record.status !== 'Running';
  }

  add(kind: RunMessageKind, text: string, details?: unknown): void {
    const counted = COUNTED[kind];
    if (counted) this.record.counts[counted]++;
    if (this.messages.length >= MAX_MESSAGES_PER_ENTRY) {
      this.record.droppedMessages++;
      return;
    }
    this.messages.push(details === undefined ? { kind, text, at: this.clock.now() } : { kind, text, details, at: this.clock.now() });
  }

  replied(reply: SentReply, text: string): void {
    const details = replyDetails(reply);
    this.record.reply = { status: reply.status, bytes: details.bytes };
    this.messages.push({ kind: 'Response', text, details, at: this.clock.now() });
  }

  traced(trace: RunTrace): void {
    this.trace = trace;
  }

  finish(end: RunEnd): void {
    if (this.finished) return;
    this.record.status = end.status;
    this.record.durationMs = Math.max(0, end.finishedAt - this.record.startedAt);
    this.record.reason = end.reason ?? null;
    this.ended(this);
  }
}
