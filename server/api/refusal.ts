import type { ServerResponse } from 'node:http';
import type { SentReply } from '../engine/run-log.js';

const JSON_TYPE = 'application/json; charset=utf-8';

/** A refusal before a run (DESIGN §5): `{"status": "Fail", "message"}` with its status. */
export function refusalReply(status: number, message: string, headers: Record<string, string> = {}): SentReply {
  return { status, headers: { ...headers, 'content-type': JSON_TYPE }, body: JSON.stringify({ status: 'Fail', message }) };
}

/** Sends a refusal before a run. */
export function refuse(response: ServerResponse, status: number, message: string, headers: Record<string, string> = {}): void {
  sendReply(response, refusalReply(status, message, headers));
}

/** Sends a reply with its length; returns the length. */
export function sendReply(response: ServerResponse, reply: SentReply, extraHeaders: Record<string, string> = {}): number {
  const bytes = Buffer.byteLength(reply.body);
  response.writeHead(reply.status, { ...reply.headers, ...extraHeaders, 'content-length': bytes });
  response.end(reply.body);
  return bytes;
}
