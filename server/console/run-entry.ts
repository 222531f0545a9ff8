import type { ApiMode } from '../../shared/schemas/actionflow.schema.js';
import { loggedBody } from '../engine/run-log.js';
import type { EndedRunStatus } from '../../shared/run-status.js';
import type { WireReply } from '../runs/run-answer.js';

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

/** How a run ended, as its console entry records it. */
export interface RunEnd {
  status: EndedRunStatus;
  finishedAt: number;
  /** Why an aborted or lost run ended so ("stopped", "timed out after 500 ms"). */
  reason?: string;
}

/** The details of a `Response` message for a reply as sent, its body capped. */
export function replyDetails(reply: WireReply): { status: number; headers: WireReply['headers']; bytes: number; body: string; truncated?: true } {
  const { body, truncated } = loggedBody(reply.body);
  return { status: reply.status, headers: reply.headers, bytes: Buffer.byteLength(reply.body), body, ...(truncated ? { truncated } : {}) };
}
