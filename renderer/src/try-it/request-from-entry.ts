import type { ConsoleEntryDetail } from '../../../shared/dto/console.dto.js';
import type { EndpointRef, KeyValue, TryItRequest } from './try-it-request.js';

/** Headers a browser sets itself (or refuses to set), and the key, which Try it takes from its own field. */
const NOT_RESENT = new Set([
  'authorization',
  'host',
  'content-length',
  'connection',
  'keep-alive',
  'transfer-encoding',
  'accept-encoding',
  'origin',
  'referer',
  'cookie',
  'user-agent',
  'sec-fetch-site',
  'sec-fetch-mode',
  'sec-fetch-dest',
  'sec-ch-ua',
  'sec-ch-ua-mobile',
  'sec-ch-ua-platform',
]);

/** What a console entry's `Request` message holds (DESIGN §6). */
interface RequestDetails {
  method?: unknown;
  url?: unknown;
  headers?: Record<string, unknown>;
  body?: unknown;
}

/** A request to send again, built from a console entry: where it went and what it carried. */
export interface Resend {
  target: EndpointRef;
  request: TryItRequest;
  /** The logged body was cut at the console's cap, so the request is not whole. */
  truncated: boolean;
}

/**
 * The request of a console entry, ready for Try it: method, query, headers (without authorization
 * and the headers a browser sets itself) and body, from the entry's `Request` message.
 */
export function requestFromEntry(entry: ConsoleEntryDetail): Resend {
  const details = (entry.messages.find((message) => message.kind === 'Request')?.details ?? {}) as RequestDetails;
  const method = String(details.method ?? entry.request.method).toUpperCase() === 'GET' ? 'GET' : 'POST';
  const url = new URL(String(details.url ?? entry.request.url), 'http://entry.invalid');
  const query: KeyValue[] = [...url.searchParams].map(([name, value]) => ({ name, value }));
  const headers: KeyValue[] = Object.entries(details.headers ?? {})
    .filter(([name]) => !NOT_RESENT.has(name.toLowerCase()) && !name.toLowerCase().startsWith('sec-'))
    .flatMap(([name, value]) => (Array.isArray(value) ? value : [value]).map((one) => ({ name, value: String(one) })));
  const body = typeof details.body === 'string' ? details.body : details.body === undefined ? '' : JSON.stringify(details.body, null, 2);
  return {
    target: { application: entry.application, actionflow: entry.actionflow },
    request: { method, query, headers, body },
    truncated: body.length > 0 && entry.request.bytes > new TextEncoder().encode(body).length,
  };
}
