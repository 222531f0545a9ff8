import type { RunTrace } from '../../shared/dto/run-trace.dto.js';
import type { RunEnd, RunLog, RunMessageKind, SentReply } from './run-log.js';
import type { RunMasker } from './run-masker.js';

/**
 * A run log that masks every message as it is made (DESIGN §6), before it reaches the log that
 * keeps it: credentials of the request and of every outgoing call, and credential query values.
 */
export class MaskedRunLog implements RunLog {
  /** Present only when the log it wraps keeps a trace, so a run makes no trace that nobody keeps. */
  readonly traced?: (trace: RunTrace) => void;

  constructor(
    private readonly log: RunLog,
    readonly masker: RunMasker,
  ) {
    if (log.traced) this.traced = (trace) => log.traced?.(masker.value(trace) as RunTrace);
  }

  add(kind: RunMessageKind, text: string, details?: unknown): void {
    this.log.add(kind, this.masker.text(text), details === undefined ? undefined : this.masker.value(details));
  }

  replied(reply: SentReply, text: string): void {
    const headers = this.masker.value(reply.headers) as SentReply['headers'];
    this.log.replied({ status: reply.status, headers, body: this.masker.text(reply.body) }, this.masker.text(text));
  }

  finish(end: RunEnd): void {
    this.log.finish(end);
  }

  noteCredentials(headers: Record<string, string | string[] | undefined> | Iterable<[string, string]>, url?: string): void {
    this.masker.note(headers, url);
  }
}
