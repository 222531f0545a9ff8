/** A call to the incoming API as Try it sends it. */
export interface IncomingCall {
  method: 'GET' | 'POST';
  /** An absolute URL on the server's own origin. */
  url: string;
  headers: readonly (readonly [string, string])[];
  /** Ignored for GET: a browser cannot send a body with one. */
  body?: string;
  signal?: AbortSignal;
}

/** What the incoming API answered, as Try it shows it. */
export interface IncomingReply {
  status: number;
  statusText: string;
  headers: [string, string][];
  contentType: string;
  body: string;
  bytes: number;
  /** From sending the request to having read the whole reply. */
  ms: number;
}

/** Why a call to the incoming API got no reply at all (the server is away, a header is not valid). */
export class IncomingCallError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'IncomingCallError';
  }
}

/**
 * Calls the incoming API (`/{instance}/api/1/action/...`) as any client would: on the server's own
 * origin, without the designer's session token or cookies, so what Try it shows is what a caller
 * gets. Beside `AdminTransport`, the only other place that calls `fetch`.
 */
export class IncomingTransport {
  constructor(private readonly origin: string) {}

  async send(call: IncomingCall): Promise<IncomingReply> {
    const url = new URL(call.url, this.origin);
    // The designer calls its own server only: a typed URL elsewhere must not receive the headers or key.
    if (url.origin !== new URL(this.origin).origin) throw new IncomingCallError(`Try it calls this server only (${new URL(this.origin).origin})`);
    const started = performance.now();
    let response: Response;
    try {
      response = await fetch(url, {
        method: call.method,
        headers: call.headers.map(([name, value]): [string, string] => [name, value]),
        ...(call.method === 'POST' && call.body !== undefined ? { body: call.body } : {}),
        credentials: 'omit',
        cache: 'no-store',
        redirect: 'manual',
        ...(call.signal ? { signal: call.signal } : {}),
      });
    } catch (error) {
      if (call.signal?.aborted) throw error;
      throw new IncomingCallError(`no reply: ${error instanceof Error ? error.message : String(error)} (is the server running, and is every header valid?)`);
    }
    // Redirects are not followed (they may lead anywhere), and a browser hides their status and Location from the page.
    if (response.type === 'opaqueredirect')
      throw new IncomingCallError('the endpoint answered with a redirect, which a browser does not let a page read: copy the request as curl to see it');
    const buffer = await response.arrayBuffer().catch(() => new ArrayBuffer(0));
    const ms = performance.now() - started;
    return {
      status: response.status,
      statusText: response.statusText,
      headers: [...response.headers.entries()],
      contentType: response.headers.get('content-type') ?? '',
      body: new TextDecoder().decode(buffer),
      bytes: buffer.byteLength,
      ms,
    };
  }
}
