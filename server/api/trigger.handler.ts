import type { Request, Response } from 'express';
import type { AppDeps } from '../app-deps.js';
import type { RunManager } from '../engine/run-manager.js';
import { loggedBody } from '../engine/run-log.js';
import type { FlowRecord } from '../storage/flow.store.js';
import { corsHeaders } from './cors.js';
import { refuse } from './refusal.js';
import { bodyText, readBody } from './request-body.js';
import { requestInput } from './request-input.js';
import { runReply } from './run-reply.js';
import { resolveTimeout } from './timeout-parameter.js';

/** Who performs a run of an endpoint that allows anonymous callers. */
export const ANONYMOUS_USER = 'system';

/** Where a trigger was sent: its path with query, and the raw query. */
export interface TriggerTarget {
  pathAndQuery: string;
  query: string;
}

/**
 * Triggers an endpoint once its URL is resolved: auth (401, 403, 429), the body (413), the
 * `timeout` parameter (400), the limit on runs at once (503), then the run, waited for, and its reply.
 */
export async function triggerEndpoint(deps: AppDeps, runs: RunManager, endpoint: FlowRecord, target: TriggerTarget, request: Request, response: Response): Promise<void> {
  const api = endpoint.flow.api!;
  const cors = corsHeaders(api.cors, request.headers.origin);

  let user = ANONYMOUS_USER;
  if (!api.allowAnonymous) {
    const auth = await deps.callAuthorizer.authorize({
      application: endpoint.application,
      flow: endpoint.flow,
      authorization: request.headers.authorization,
      remoteAddress: request.socket.remoteAddress ?? '',
    });
    if (!auth.ok) {
      const retry: Record<string, string> = auth.retryAfterSeconds === undefined ? {} : { 'retry-after': String(auth.retryAfterSeconds) };
      refuse(response, auth.status, auth.message, { ...cors, ...retry });
      return;
    }
    user = auth.user;
  }

  const settings = deps.stores.settings.get();
  const read = await readBody(request, settings.maxBodyBytes);
  if (!read.ok) {
    refuse(response, 413, read.message, { ...cors, connection: 'close' });
    return;
  }

  const timeout = resolveTimeout(target.query, api, settings.maxTimeoutMs);
  if (!timeout.ok) {
    refuse(response, 400, timeout.message, cors);
    return;
  }

  const flow = runs.engine.compile(endpoint);
  if (flow.problems.length > 0) {
    const [first] = flow.problems;
    refuse(response, 500, `actionflow "${endpoint.flow.name}" cannot run: ${first!.path}: ${first!.message}`, cors);
    return;
  }
  if (runs.running >= settings.maxConcurrentRuns) {
    refuse(response, 503, `the server is running as many flows as it allows at once (${settings.maxConcurrentRuns}); try again shortly`, { ...cors, 'retry-after': '1' });
    return;
  }

  const contentType = request.headers['content-type'] ?? '';
  const input = requestInput(request, target, bodyText(read.body, contentType), !api.allowAnonymous);
  const handle = runs.start({ flow, request: input, method: request.method, bytes: read.body.length, user, mode: api.mode, deadlineMs: timeout.timeoutMs });
  const { reply, status } = runReply(await handle.outcome, handle.processId, timeout.timeoutMs, flow);

  const bytes = Buffer.byteLength(reply.body);
  response.writeHead(reply.status, { ...reply.headers, ...cors, 'content-length': bytes });
  response.end(reply.body);
  handle.log.add('Response', `${reply.status} ${status}`, { status: reply.status, headers: reply.headers, bytes, body: loggedBody(reply.body).body });
  handle.log.finish({ status, replyStatus: reply.status, replyBytes: bytes, finishedAt: deps.clock.now() });
}
