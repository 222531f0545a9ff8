import type { IncomingMessage as Request, ServerResponse as Response } from 'node:http';
import { pollPath } from '../../shared/urls.js';
import type { AppDeps } from '../app-deps.js';
import { replyDetails } from '../console/run-entry.js';
import type { WireReply } from '../runs/run-answer.js';
import type { RunTicket } from '../runs/run.service.js';
import type { FlowRecord } from '../storage/flow.store.js';
import type { ActionPath } from './action-path.js';
import { corsHeaders } from './cors.js';
import { refusalReply, refuse } from './refusal.js';
import { bodyText, readBody } from './request-body.js';
import { requestInput } from './request-input.js';
import { sendReply } from './send-reply.js';
import { resolveTimeout } from './timeout-parameter.js';

/** Who performs a run of an endpoint that allows anonymous callers. */
export const ANONYMOUS_USER = 'system';

/** Where a trigger was sent: its path with query, the raw query, and the path's form (v11 with the application, v10 without). */
export interface TriggerTarget {
  pathAndQuery: string;
  query: string;
  path: Extract<ActionPath, { kind: 'trigger' }>;
}

/**
 * Triggers an endpoint once its URL is resolved (DESIGN §5): auth (401, 403, 429), the body
 * (413), the `timeout` parameter (400), then hands the run to the run service (503 when its
 * queues are full) and sends the reply: waited for in sync mode; in async mode waited for at most
 * the timeout, else 202 and a poll URL. HTTP checks and sending only: the run is the service's.
 */
export async function triggerEndpoint(deps: AppDeps, endpoint: FlowRecord, target: TriggerTarget, request: Request, response: Response): Promise<void> {
  const arrivedAt = deps.clock.now();
  const api = endpoint.flow.api!;
  const cors = corsHeaders(api.cors, request.headers.origin);
  const refusedCall = (status: number, message: string, headers: Record<string, string>, user?: string) =>
    refuseLogged(deps, endpoint, target, request, response, refusalReply(status, message, { ...cors, ...headers }), message, user);

  let user = ANONYMOUS_USER;
  if (!api.allowAnonymous) {
    const auth = await deps.callAuthorizer.authorize({
      application: endpoint.application,
      flow: endpoint.flow,
      authorization: request.headers.authorization,
      remoteAddress: request.socket.remoteAddress ?? '',
    });
    if (!auth.ok)
      return refusedCall(auth.status, auth.message, auth.retryAfterSeconds === undefined ? {} : { 'retry-after': String(auth.retryAfterSeconds) }, auth.user);
    user = auth.user;
  }

  const settings = deps.stores.settings.get();
  const read = await readBody(request, settings.maxBodyBytes);
  if (!read.ok) return refusedCall(413, read.message, { connection: 'close' });

  const timeout = resolveTimeout(target.query, api, settings.maxTimeoutMs);
  if (!timeout.ok) return refuse(response, 400, timeout.message, cors);

  const contentType = request.headers['content-type'] ?? '';
  const started = deps.services.runs.start({
    endpoint,
    request: requestInput(request, target, bodyText(read.body, contentType), !api.allowAnonymous),
    method: request.method ?? 'GET',
    bytes: read.body.length,
    user,
    arrivedAt,
    // An async run may go on after its reply, up to the server's maximum run time.
    allowedMs: api.mode === 'async' ? settings.maxRunTimeMs : timeout.timeoutMs,
  });
  if (!started.ok) return refusedCall(503, started.message, { 'retry-after': '1' }, api.allowAnonymous ? undefined : user);
  const { run } = started;

  const early = api.mode === 'sync' ? await run.answer : await settledWithin(run.answer, arrivedAt + timeout.timeoutMs - deps.clock.now());
  if (early) {
    run.replied(early.reply, `${early.reply.status} ${early.status}`);
    sendReply(response, early.reply, cors);
    return run.finish(early);
  }

  // The row must be on disk before the caller learns the id, so that it polls as Aborted after a crash.
  deps.services.processes.commit();
  const accepted = acceptedReply(run, pollLocation(target.path, run.processId));
  run.replied(accepted, '202 Running');
  sendReply(response, accepted, cors);
  const late = await run.answer;
  run.note('Response', `result for poll: ${late.reply.status} ${late.status}`, replyDetails(late.reply));
  run.finish(late);
}

/** The answer if it comes within `ms`, else undefined (one timer, cleared when the answer comes first). */
function settledWithin<T>(promise: Promise<T>, ms: number): Promise<T | undefined> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, Math.max(0, ms), undefined);
    void promise.then((value) => {
      clearTimeout(timer);
      resolve(value);
    });
  });
}

/** The poll URL of a run, relative and in the same form (v11 or v10) as the trigger. */
function pollLocation(path: TriggerTarget['path'], processId: string): string {
  return pollPath(
    { instance: path.instance, ...(path.application === undefined ? {} : { application: path.application }), actionflow: path.actionflow },
    processId,
  );
}

function acceptedReply(run: RunTicket, location: string): WireReply {
  return {
    status: 202,
    headers: { 'content-type': 'application/json; charset=utf-8', location, 'retry-after': '1' },
    body: JSON.stringify({ status: 'Running', processId: run.processId }),
  };
}

/** Sends a refusal and records it in the console as a refused call on this flow (by `user` when a valid key named one). */
function refuseLogged(
  deps: AppDeps,
  endpoint: FlowRecord,
  target: TriggerTarget,
  request: Request,
  response: Response,
  reply: WireReply,
  reason: string,
  user?: string,
): void {
  sendReply(response, reply);
  // Keep the Authorization header in the Request message: the console masks its value.
  const input = requestInput(request, target, '', false);
  const declared = Number(request.headers['content-length']);
  deps.services.console.refused({
    application: endpoint.application,
    actionflow: endpoint.flow.name,
    mode: endpoint.flow.api!.mode,
    request: {
      method: request.method ?? 'GET',
      url: input.url,
      contentType: input.contentType,
      bytes: Number.isFinite(declared) ? declared : 0,
      headers: input.headers,
    },
    reply,
    reason,
    ...(user === undefined ? {} : { user }),
  });
}
