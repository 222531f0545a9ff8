import type { Request, Response } from 'express';
import { pollPath } from '../../shared/urls.js';
import { replyDetails, type SentReply } from '../engine/run-log.js';
import type { RunHandle } from '../engine/run-manager.js';
import type { FlowRecord } from '../storage/flow.store.js';
import type { ActionPath } from './action-path.js';
import { corsHeaders } from './cors.js';
import { refusalReply, refuse, sendReply } from './refusal.js';
import { bodyText, readBody } from './request-body.js';
import { requestInput } from './request-input.js';
import type { ServedDeps } from './run-services.js';
import { runReply, type RunAnswer } from './run-reply.js';
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
 * Triggers an endpoint once its URL is resolved: auth (401, 403, 429), the body (413), the
 * `timeout` parameter (400), the limit on runs at once (503), then the run and its reply: waited
 * for in sync mode; in async mode waited for at most the timeout, else 202 and a poll URL.
 */
export async function triggerEndpoint(deps: ServedDeps, endpoint: FlowRecord, target: TriggerTarget, request: Request, response: Response): Promise<void> {
  const { runs, processes } = deps.services;
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
    if (!auth.ok) return refusedCall(auth.status, auth.message, auth.retryAfterSeconds === undefined ? {} : { 'retry-after': String(auth.retryAfterSeconds) }, auth.user);
    user = auth.user;
  }

  const settings = deps.stores.settings.get();
  const read = await readBody(request, settings.maxBodyBytes);
  if (!read.ok) return refusedCall(413, read.message, { connection: 'close' });

  const timeout = resolveTimeout(target.query, api, settings.maxTimeoutMs);
  if (!timeout.ok) return refuse(response, 400, timeout.message, cors);

  const flow = runs.engine.compile(endpoint);
  if (flow.problems.length > 0) {
    const [first] = flow.problems;
    return refuse(response, 500, `actionflow "${endpoint.flow.name}" cannot run: ${first!.path}: ${first!.message}`, cors);
  }
  if (runs.running >= settings.maxConcurrentRuns) {
    return refuse(response, 503, `the server is running as many flows as it allows at once (${settings.maxConcurrentRuns}); try again shortly`, { ...cors, 'retry-after': '1' });
  }

  const contentType = request.headers['content-type'] ?? '';
  const input = requestInput(request, target, bodyText(read.body, contentType), !api.allowAnonymous);
  // An async run may go on after its reply, up to the server's maximum run time.
  const deadlineMs = api.mode === 'async' ? settings.maxRunTimeMs : timeout.timeoutMs;
  const handle = runs.start({ flow, request: input, method: request.method, bytes: read.body.length, user, mode: api.mode, deadlineMs });
  processes.started({ processId: handle.processId, application: handle.application, actionflow: handle.actionflow, mode: api.mode, user, startedAt: handle.startedAt });
  const answer = handle.outcome.then((outcome) => {
    const answered = runReply(outcome, handle.processId, handle.deadlineMs, flow);
    processes.finished(handle.processId, answered.status, answered.result);
    return answered;
  });

  const early = api.mode === 'sync' ? await answer : await settledWithin(answer, timeout.timeoutMs);
  if (early) {
    handle.log.replied(early.reply, `${early.reply.status} ${early.status}`);
    sendReply(response, early.reply, cors);
    return endRun(deps, handle, early);
  }

  // The row must be on disk before the caller learns the id, so that it polls as Aborted after a crash.
  processes.commit();
  const accepted = acceptedReply(handle.processId, pollLocation(target.path, handle.processId));
  handle.log.replied(accepted, '202 Running');
  sendReply(response, accepted, cors);
  const late = await answer;
  handle.log.add('Response', `result for poll: ${late.reply.status} ${late.status}`, replyDetails(late.reply));
  endRun(deps, handle, late);
}

function endRun(deps: ServedDeps, handle: RunHandle, answer: RunAnswer): void {
  handle.log.finish({ status: answer.status, finishedAt: deps.clock.now(), ...(answer.reason === undefined ? {} : { reason: answer.reason }) });
}

/** The answer if it comes within `ms`, else undefined (one timer, cleared when the answer comes first). */
function settledWithin<T>(promise: Promise<T>, ms: number): Promise<T | undefined> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(resolve, ms, undefined);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error);
      },
    );
  });
}

/** The poll URL of a run, relative and in the same form (v11 or v10) as the trigger. */
function pollLocation(path: TriggerTarget['path'], processId: string): string {
  return pollPath({ instance: path.instance, ...(path.application === undefined ? {} : { application: path.application }), actionflow: path.actionflow }, processId);
}

function acceptedReply(processId: string, location: string): SentReply {
  return {
    status: 202,
    headers: { 'content-type': 'application/json; charset=utf-8', location, 'retry-after': '1' },
    body: JSON.stringify({ status: 'Running', processId }),
  };
}

/** Sends a refusal and records it in the console as a refused call on this flow (by `user` when a valid key named one). */
function refuseLogged(deps: ServedDeps, endpoint: FlowRecord, target: TriggerTarget, request: Request, response: Response, reply: SentReply, reason: string, user?: string): void {
  sendReply(response, reply);
  // Keep the Authorization header in the Request message: the console masks its value.
  const input = requestInput(request, target, '', false);
  const declared = Number(request.headers['content-length']);
  deps.services.console.refused({
    application: endpoint.application,
    actionflow: endpoint.flow.name,
    mode: endpoint.flow.api!.mode,
    request: { method: request.method, url: input.url, contentType: input.contentType, bytes: Number.isFinite(declared) ? declared : 0, headers: input.headers },
    reply,
    reason,
    ...(user === undefined ? {} : { user }),
  });
}
