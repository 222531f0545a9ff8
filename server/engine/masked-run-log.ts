import type { RunLog, RunMessageKind } from './run-log.js';
import { RunMasker } from './run-masker.js';
import type { RunTraceJson } from './run-trace.js';

/**
 * A run log that masks every message as it is made (DESIGN §6), before it reaches the log that
 * keeps it: credentials of the request and of every outgoing call, and credential query values.
 */
export class MaskedRunLog implements RunLog {
  /** Present only when the log it wraps keeps a trace, so a run makes no trace that nobody keeps. */
  readonly traced?: (trace: RunTraceJson) => void;

  constructor(
    private readonly log: RunLog,
    readonly masker: RunMasker,
  ) {
    if (log.traced) this.traced = (trace) => log.traced?.(masker.text(trace));
  }

  add(kind: RunMessageKind, text: string, details?: unknown): void {
    this.log.add(kind, this.masker.text(text), details === undefined ? undefined : this.masker.value(details));
  }

  noteCredentials(headers: Record<string, string | string[] | undefined> | Iterable<[string, string]>, url?: string): void {
    this.masker.note(headers, url);
  }
}

/** Wraps a run's log so that every message is masked, learning the credentials of `request` first. */
export function maskedRunLog(log: RunLog, request: { headers: Record<string, string | string[]>; url: string }): MaskedRunLog {
  return new MaskedRunLog(log, new RunMasker().note(request.headers, request.url));
}
