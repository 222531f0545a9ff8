import type { IncomingMessage, ServerResponse } from 'node:http';
import { STUDIO_PREFIX } from '../../shared/urls.js';
import { parseActionPath, type PathParse } from './action-path.js';
import { preflightHeaders } from './cors.js';
import { findEndpoint } from './endpoint-lookup.js';
import { pollProcess } from './poll.handler.js';
import { refuse } from './refusal.js';
import type { AppDeps } from '../app-deps.js';
import { triggerEndpoint } from './trigger.handler.js';

const ALLOW = { allow: 'GET, POST' };

/** Answers a request when it is the incoming API's; false when it is not (it goes on to the designer's Express app). */
export type IncomingApiHandler = (request: IncomingMessage, response: ServerResponse) => boolean;

/**
 * The incoming API (DESIGN §5): one handler for every `/{instance}/api/1/action/...` path, which
 * looks the flow up itself, so flows come and go without routes being added or removed. It runs on
 * `node:http` directly, ahead of Express: a trigger needs no router, no body parser and no
 * request decoration, and every microsecond of the front counts in each call (DESIGN §9).
 */
export function incomingApiHandler(deps: AppDeps): IncomingApiHandler {
  return (request, response) => {
    const url = request.url ?? '/';
    const question = url.indexOf('?');
    const pathname = question < 0 ? url : url.slice(0, question);
    // `/_studio/...` is the designer's, whatever follows.
    const parsed = pathname.startsWith(`${STUDIO_PREFIX}/`) ? undefined : parseActionPath(pathname);
    if (!parsed) return false;
    answer(deps, parsed, url, question < 0 ? '' : url.slice(question + 1), request, response).catch((error: unknown) => internalError(error, response));
    return true;
  };
}

/** What Express's error handler answers for the designer's routes: 500 and no details (they go to stderr). */
function internalError(error: unknown, response: ServerResponse): void {
  console.error(error);
  if (response.headersSent) response.destroy();
  else refuse(response, 500, 'internal error');
}

async function answer(
  deps: AppDeps,
  parsed: PathParse,
  pathAndQuery: string,
  query: string,
  request: IncomingMessage,
  response: ServerResponse,
): Promise<void> {
  if (!parsed.ok) return refuse(response, 400, parsed.message);
  const { path } = parsed;
  const instance = deps.stores.settings.get().instance;
  if (path.instance !== instance)
    return refuse(response, 404, `there is no instance "${path.instance}" here; the incoming API is at /${instance}/api/1/action/`);
  if (path.kind === 'other') {
    return refuse(response, 404, `nothing at ${pathAndQuery.split('?')[0]}; trigger a flow at /${instance}/api/1/action/{Application}/{Actionflow}/trigger`);
  }
  const method = request.method ?? 'GET';
  if (method !== 'GET' && method !== 'POST' && method !== 'OPTIONS') return refuse(response, 405, `${method} is not allowed here; use GET or POST`, ALLOW);

  const found = findEndpoint(deps.services.catalog, path.application, path.actionflow);
  if (!found.ok) return refuse(response, found.status, found.message);
  const endpoint = found.record;

  if (method === 'OPTIONS') {
    const headers = preflightHeaders(endpoint.flow.api!.cors, request.headers.origin, request.headers['access-control-request-headers']);
    if (!headers) return refuse(response, 405, 'OPTIONS answers only a CORS preflight from an origin the endpoint allows; use GET or POST', ALLOW);
    response.writeHead(204, { ...headers, ...ALLOW });
    response.end();
    return;
  }
  if (path.kind === 'poll') return pollProcess(deps, endpoint, path.processId, request, response);
  return triggerEndpoint(deps, endpoint, { pathAndQuery, query, path }, request, response);
}
