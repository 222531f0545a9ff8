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
  ) {}

  async request<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
    const url = new URL(`${this.session.baseUrl}${ADMIN_API_PREFIX}${path}`);
    for (const [key, value] of Object.entries(options.query ?? {})) if (value !== undefined) url.searchParams.set(key, value);
    let response: Response;
    try {
      response = await fetch(url, {
        method,
        headers: {
          authorization: `Bearer ${this.session.token}`,
          accept: 'application/json',
          ...(options.body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        ...(options.body === undefined ? {} : { body: JSON.stringify(options.body) }),
        cache: 'no-store',
      });
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
      response = await fetch(`${this.session.baseUrl}${ADMIN_API_PREFIX}${path}`, {
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

function parseJson(text: string): Record<string, unknown> | undefined {
  if (!text) return undefined;
  try {
    return JSON.parse(text) as Record<string, unknown>;
  } catch {
    return undefined;
  }
}
