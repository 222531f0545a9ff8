import type { IncomingMessage as Request, ServerResponse as Response } from 'node:http';
import type { FlowRecord } from '../storage/flow.store.js';
import type { ProcessRecord } from '../storage/process.store.js';
import { corsHeaders } from './cors.js';
import { refuse } from './refusal.js';
import { sendReply } from './send-reply.js';
import type { AppDeps } from '../app-deps.js';

/** A process id as the server makes them: a random UUID v4. */
const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;

/**
 * Answers a poll (DESIGN §5): the state of a run of this endpoint, with `Retry-After: 1` while it
 * runs. An unknown, expired or malformed id, a run of another flow, and on a keyed endpoint any
 * caller other than the user who started the run all get the same 404: poll never says 401 or 403,
 * so it tells a stranger nothing about which runs exist.
 */
export async function pollProcess(deps: AppDeps, endpoint: FlowRecord, processId: string, request: Request, response: Response): Promise<void> {
  const api = endpoint.flow.api!;
  const cors = corsHeaders(api.cors, request.headers.origin);
  // A poll's body, if any, means nothing: read and drop it so the connection stays usable.
  request.resume();
  const unknown = () => refuse(response, 404, `no process "${processId}" is known for this actionflow`, cors);
  if (!UUID_V4.test(processId)) return unknown();

  let caller: string | undefined;
  if (!api.allowAnonymous) {
    if (!request.headers.authorization) return unknown();
    const auth = await deps.callAuthorizer.authorize({
      application: endpoint.application,
      flow: endpoint.flow,
      authorization: request.headers.authorization,
      remoteAddress: request.socket.remoteAddress ?? '',
    });
    if (!auth.ok) return unknown();
    caller = auth.user;
  }

  const process = deps.services.processes.find(processId.toLowerCase());
  if (!process || process.application !== endpoint.application || process.actionflow !== endpoint.flow.name) return unknown();
  if (caller !== undefined && process.user !== caller) return unknown();

  const running = process.status === 'Running';
  sendReply(
    response,
    { status: 200, headers: { 'content-type': 'application/json; charset=utf-8', ...(running ? { 'retry-after': '1' } : {}) }, body: pollBody(process) },
    cors,
  );
}

/** `{processId, status, startedAt, finishedAt?, data?, message?, errors?, response?}`: the run's times, then what its reply said. */
export function pollBody(process: ProcessRecord): string {
  const state = {
    processId: process.processId,
    status: process.status,
    startedAt: new Date(process.startedAt).toISOString(),
    ...(process.finishedAt === null ? {} : { finishedAt: new Date(process.finishedAt).toISOString() }),
  };
  if (process.result === null) return JSON.stringify(state);
  const { status: _status, processId: _processId, ...said } = JSON.parse(process.result) as Record<string, unknown>;
  return JSON.stringify({ ...state, ...said });
}
