import type { RunTraceJson } from './run-trace.js';

/** The kinds of message a run writes to its console entry (DESIGN §6), in the order they usually appear. */
export type RunMessageKind = 'Request' | 'Debug' | 'Warning' | 'Error' | 'Response';

/** One line of a run's console entry: a text line and JSON details. */
export interface RunMessage {
  kind: RunMessageKind;
  text: string;
  details?: unknown;
  at: number;
}

/** Where a run writes its messages; one per run, shared by the flows it calls. */
export interface RunLog {
  add(kind: RunMessageKind, text: string, details?: unknown): void;
  /** Learns credentials (of an outgoing call or its reply) that later messages must mask; a log that masks nothing has none. */
  noteCredentials?(headers: Record<string, string | string[] | undefined> | Iterable<[string, string]>, url?: string): void;
  /** What the run did on its flow (DESIGN §8), given once at the end of the run; a log that keeps no trace has none. */
  traced?(trace: RunTraceJson): void;
}

/** The kinds of message a console entry counts, and the count each adds to (DESIGN §6). */
export const COUNTED_KINDS: Partial<Record<RunMessageKind, 'errors' | 'warnings' | 'debug'>> = { Error: 'errors', Warning: 'warnings', Debug: 'debug' };

/** How many messages of each counted kind a run wrote, and how many were not kept (DESIGN §6 caps them). */
export interface MessageCounts {
  errors: number;
  warnings: number;
  debug: number;
  dropped: number;
}

/** Messages a memory log keeps; a runaway `$debug` in a large split must not fill the heap. */
export const MEMORY_LOG_MAX_MESSAGES = 1000;

/** A run log that keeps its messages in memory, for callers that persist nothing. */
export class MemoryRunLog implements RunLog {
  readonly messages: RunMessage[] = [];
  /** Messages of each counted kind, kept or not, and how many were not kept because the log was full. */
  readonly counts: MessageCounts = { errors: 0, warnings: 0, debug: 0, dropped: 0 };
  /** What the run did on its flow, once it has ended. */
  trace: RunTraceJson | undefined;

  constructor(private readonly now: () => number = Date.now) {}

  add(kind: RunMessageKind, text: string, details?: unknown): void {
    const counted = COUNTED_KINDS[kind];
    if (counted) this.counts[counted]++;
    if (this.messages.length >= MEMORY_LOG_MAX_MESSAGES) {
      this.counts.dropped++;
      return;
    }
    this.messages.push(details === undefined ? { kind, text, at: this.now() } : { kind, text, details, at: this.now() });
  }

  traced(trace: RunTraceJson): void {
    this.trace = trace;
  }
}

/** Bodies in console messages are capped (DESIGN §6). */
export const LOGGED_BODY_BYTES = 64 * 1024;

/** A body as a console message keeps it: at most `LOGGED_BODY_BYTES` bytes of UTF-8, marked with … when cut. */
export function loggedBody(text: string): { body: string; truncated: boolean } {
  // A UTF-16 unit takes at most 3 bytes of UTF-8, so most texts need no encoding to know they fit.
  if (text.length * 3 <= LOGGED_BODY_BYTES) return { body: text, truncated: false };
  const bytes = Buffer.from(text);
  if (bytes.length <= LOGGED_BODY_BYTES) return { body: text, truncated: false };
  return { body: `${bytes.subarray(0, LOGGED_BODY_BYTES).toString()}…`, truncated: true };
}
