import { ADMIN_API_PREFIX } from '../../../shared/urls.js';
import type { Session } from '../session/read-session.js';
import { ApiError } from './api-error.js';

/** Whether the server answered the last request: drives the connection banner. */
export type Reachability = 'online' | 'offline' | 'unauthorized';

export interface RequestOptions {
  body?: unknown;
  query?: Record<string, string | undefined>;
}

/**
 * The one place that calls `fetch`: adds the session token, speaks JSON, turns refusals into
 * `ApiError`s and reports whether the server is reachable. The token goes only in the
 * Authorization header, never in a URL.
 */
export class AdminTransport {
  constructor(
    private readonly session: Session,
    private readonly onReachability: (state: Reachability) => void,
    /** Reads already under way for this page (see first-reads.ts): a GET of one of their addresses takes its answer, once. */
    private readonly firstReads?: { take(url: string): Promise<Response> | undefined },
  ) {}

  async request<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
    const url = adminUrl(this.session, path, options.query);
    let response: Response;
    try {
      response = await ((method === 'GET' && this.firstReads?.take(url)) || fetch(url, requestInit(this.session, method, options.body)));
    } catch {
      this.onReachability('offline');
      throw new ApiError(0, 'the server cannot be reached; it may be stopped or restarting');
    }
    const text = await response.text().catch(() => '');
    const body = parseJson(text);
    if (response.status === 401) this.onReachability('unauthorized');
    else if (response.status === 502 || response.status === 504) this.onReachability('offline');
    else this.onReachability('online');
    if (!response.ok) {
      const message = typeof body?.message === 'string' ? body.message : `the server answered ${response.status}`;
      throw new ApiError(response.status, message, body ?? {});
    }
    return body as T;
  }

  /**
   * Opens a long-lived reply (the console's event stream) with the session token and hands back its
   * body to read as it arrives; `signal` closes it. A refusal is an `ApiError`.
   */
  async openStream(path: string, signal: AbortSignal): Promise<ReadableStream<Uint8Array>> {
    let response: Response;
    try {
      response = await fetch(adminUrl(this.session, path), {
        headers: { authorization: `Bearer ${this.session.token}`, accept: 'text/event-stream' },
        cache: 'no-store',
        signal,
      });
    } catch (error) {
      if (signal.aborted) throw error;
      throw new ApiError(0, 'the server cannot be reached; it may be stopped or restarting');
    }
    if (response.status === 401) this.onReachability('unauthorized');
    if (!response.ok || !response.body) {
      const body = parseJson(await response.text().catch(() => ''));
      throw new ApiError(response.status, typeof body?.message === 'string' ? body.message : `the server answered ${response.status}`);
    }
    return response.body;
  }
}

/** The address of an admin API call: the server, the API's prefix, `path`, then the query's set values. */
export function adminUrl(session: Session, path: string, query: Record<string, string | undefined> = {}): string {
  const url = new URL(`${session.baseUrl}${ADMIN_API_PREFIX}${path}`);
  for (const [key, value] of Object.entries(query)) if (value !== undefined) url.searchParams.set(key, value);
  return url.href;
}

/** How every admin API call is made: JSON, the session token in the Authorization header, never from the cache. */
export function requestInit(session: Session, method: string, body?: unknown): RequestInit {
  return {
    method,
    headers: {
      authorization: `Bearer ${session.token}`,
      accept: 'application/json',
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    cache: 'no-store',
  };
}

function parseJson(text: string): Record<string, unknown> | undefined {
  if (!text) return undefined;
  try {
    return JSON.parse(text) as Record<string, unknown>;
  } catch {
    return undefined;
  }
}
