import type { ServerResponse } from 'node:http';
import type { WireReply } from '../runs/run-answer.js';

/** Sends a reply (a run's, a refusal, a 202) with its length; returns the length. */
export function sendReply(response: ServerResponse, reply: WireReply, extraHeaders: Record<string, string> = {}): number {
  const bytes = Buffer.byteLength(reply.body);
  response.writeHead(reply.status, { ...reply.headers, ...extraHeaders, 'content-length': bytes });
  response.end(reply.body);
  return bytes;
}
