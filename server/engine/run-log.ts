import type { RunTrace } from '../../shared/dto/run-trace.dto.js';
import type { EndedRunStatus } from '../../shared/run-status.js';
import type { ApiMode } from '../../shared/schemas/actionflow.schema.js';

/** The kinds of message a run writes to its console entry (DESIGN §6), in the order they usually appear. */
export type RunMessageKind = 'Request' | 'Debug' | 'Warning' | 'Error' | 'Response';

/** One line of a run's console entry: a text line and JSON details. */
export interface RunMessage {
  kind: RunMessageKind;
  text: string;
  details?: unknown;
  at: number;
}

/** A reply as it went to the caller. */
export interface SentReply {
  status: number;
  headers: Record<string, string | string[]>;
  body: string;
}

/** How a run ended, as its console entry records it. */
export interface RunEnd {
  status: EndedRunStatus;
  finishedAt: number;
  /** Why an aborted run was aborted ("stopped", "timed out after 500 ms"). */
  reason?: string;
}

/** Where a run writes its messages; one per run, shared by the flows it calls. */
export interface RunLog {
  add(kind: RunMessageKind, text: string, details?: unknown): void;
  /** The reply as sent: a `Response` message kept even when the log is full, and the entry's reply status and size. */
  replied(reply: SentReply, text: string): void;
  /** The run has ended (after its reply, or long after a 202 in async mode). */
  finish(end: RunEnd): void;
  /** Learns credentials (of an outgoing call or its reply) that later messages must mask; a log that masks nothing has none. */
  noteCredentials?(headers: Record<string, string | string[] | undefined> | Iterable<[string, string]>, url?: string): void;
  /** What the run did on its flow (DESIGN §8), given once at the end of the run; a log that keeps no trace has none. */
  traced?(trace: RunTrace): void;
}

/** What a console entry knows about a run when it starts. */
export interface RunEntry {
  processId: string;
  application: string;
  actionflow: string;
  mode: ApiMode;
  /** Who performs the run: `system` for anonymous endpoints. */
  user: string;
  startedAt: number;
  request: { method: string; url: string; contentType: string; bytes: number };
}

/** Opens the log of a new run. */
export type RunLogFactory = (entry: RunEntry) => RunLog;

/** Messages a memory log keeps; a runaway `$debug` in a large split must not fill the heap. */
export const MEMORY_LOG_MAX_MESSAGES = 1000;

/** The details of a `Response` message for a reply as sent, its body capped. */
export function replyDetails(reply: SentReply): { status: number; headers: SentReply['headers']; bytes: number; body: string; truncated?: true } {
  const { body, truncated } = loggedBody(reply.body);
  return { status: reply.status, headers: reply.headers, bytes: Buffer.byteLength(reply.body), body, ...(truncated ? { truncated } : {}) };
}

/** A run log that keeps its messages in memory, for callers that persist nothing. */
export class MemoryRunLog implements RunLog {
  readonly messages: RunMessage[] = [];
  /** Messages not kept because the log was full. */
  dropped = 0;
  end: RunEnd | undefined;

  constructor(
    readonly entry: RunEntry | undefined = undefined,
    private readonly now: () => number = Date.now,
  ) {}

  add(kind: RunMessageKind, text: string, details?: unknown): void {
    if (this.messages.length >= MEMORY_LOG_MAX_MESSAGES) {
      this.dropped++;
      return;
    }
    this.messages.push(details === undefined ? { kind, text, at: this.now() } : { kind, text, details, at: this.now() });
  }

  replied(reply: SentReply, text: string): void {
    this.messages.push({ kind: 'Response', text, details: replyDetails(reply), at: this.now() });
  }

  finish(end: RunEnd): void {
    this.end = end;
  }
}

/** A factory of in-memory logs: runs are logged for their own lifetime only. */
export const memoryRunLogs: RunLogFactory = (entry) => new MemoryRunLog(entry);

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
