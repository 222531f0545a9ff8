import { absoluteUrl, pollPath, triggerPath } from '../../../shared/urls.js';

/** One row of the query string or the headers. */
export interface KeyValue {
  name: string;
  value: string;
}

/** The request Try it sends: everything but the API key, which is never stored. */
export interface TryItRequest {
  method: 'GET' | 'POST';
  query: KeyValue[];
  headers: KeyValue[];
  body: string;
}

/** An API endpoint: the flow Try it calls. */
export interface EndpointRef {
  application: string;
  actionflow: string;
}

/** A new request: a JSON POST with an empty object. */
export const NEW_REQUEST: TryItRequest = {
  method: 'POST',
  query: [],
  headers: [{ name: 'content-type', value: 'application/json' }],
  body: '{}',
};

/** The same endpoint, compared by name. */
export const sameEndpoint = (a: EndpointRef | null, b: EndpointRef | null): boolean =>
  a !== null && b !== null && a.application === b.application && a.actionflow === b.actionflow;

const filled = (rows: readonly KeyValue[]) => rows.filter((row) => row.name.trim() !== '');

/** `?name=Acme&x=1` from the rows that have a name (each part percent-encoded), or '' for none. */
export function queryString(rows: readonly KeyValue[]): string {
  const parts = filled(rows).map((row) => `${encodeURIComponent(row.name.trim())}=${encodeURIComponent(row.value)}`);
  return parts.length ? `?${parts.join('&')}` : '';
}

/** The version 11 trigger URL of `target` on `base` (the server's origin, or the public base URL), with the query. */
export function triggerUrl(base: string, instance: string, target: EndpointRef, query: readonly KeyValue[]): string {
  return absoluteUrl(base, triggerPath({ instance, ...target })) + queryString(query);
}

/** Where to poll an async run: the reply's `Location` on the trigger's origin, else the poll path built here. */
export function pollUrl(triggerAt: string, location: string | null, instance: string, target: EndpointRef, processId: string): string {
  const path = location ?? pollPath({ instance, ...target }, processId);
  return new URL(path, triggerAt).toString();
}

/** Whether a header row names the Authorization header (which Try it fills from the API key field). */
export const isAuthorization = (name: string): boolean => name.trim().toLowerCase() === 'authorization';

/**
 * The headers as sent: the rows that have a name, and `Authorization: Bearer <key>` when a key is
 * given (replacing any typed Authorization row).
 */
export function headersToSend(request: TryItRequest, apiKey: string): [string, string][] {
  const key = apiKey.trim();
  const rows = filled(request.headers)
    .filter((row) => !(key && isAuthorization(row.name)))
    .map((row): [string, string] => [row.name.trim(), row.value]);
  return key ? [...rows, ['Authorization', `Bearer ${key}`]] : rows;
}

/** A request as remembered: without any Authorization row, so no key is ever written to storage. */
export function withoutAuthorization(request: TryItRequest): TryItRequest {
  return { ...request, headers: request.headers.filter((row) => !isAuthorization(row.name)) };
}

/** The `processId` a JSON reply names (every reply but a `response` node's does), or null. */
export function processIdOf(body: string, contentType: string): string | null {
  if (!/json/i.test(contentType)) return null;
  try {
    const parsed = JSON.parse(body) as { processId?: unknown };
    return typeof parsed?.processId === 'string' ? parsed.processId : null;
  } catch {
    return null;
  }
}

/** The run's status in a JSON reply of the trigger or of poll (`Running`, `Success`, `Fail`, `Aborted`), or null. */
export function runStatusOf(body: string, contentType: string): string | null {
  if (!/json/i.test(contentType)) return null;
  try {
    const parsed = JSON.parse(body) as { status?: unknown };
    return typeof parsed?.status === 'string' ? parsed.status : null;
  } catch {
    return null;
  }
}

/** How long a reply asks to wait before polling again (its Retry-After seconds, 1 to 30; 1 when it says nothing). */
export function retryAfterMs(headers: readonly (readonly [string, string])[]): number {
  const seconds = Number(headers.find(([name]) => name === 'retry-after')?.[1]);
  return (Number.isFinite(seconds) ? Math.min(30, Math.max(1, seconds)) : 1) * 1000;
}
