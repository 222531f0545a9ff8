import type { ServerResponse } from 'node:http';
import type { WireReply } from '../runs/run-answer.js';
import { sendReply } from './send-reply.js';

const JSON_TYPE = 'application/json; charset=utf-8';

/** A refusal before a run (DESIGN §5): `{"status": "Fail", "message"}` with its status. */
export function refusalReply(status: number, message: string, headers: Record<string, string> = {}): WireReply {
  return { status, headers: { ...headers, 'content-type': JSON_TYPE }, body: JSON.stringify({ status: 'Fail', message }) };
}

/** Sends a refusal before a run. */
export function refuse(response: ServerResponse, status: number, message: string, headers: Record<string, string> = {}): void {
  sendReply(response, refusalReply(status, message, headers));
}
