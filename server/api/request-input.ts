import type { IncomingMessage } from 'node:http';
import { queryObject } from '../engine/expressions/expression-functions.js';
import type { RequestInput } from '../engine/run-trigger.js';

/** The request as `apiInput` hands it to a flow: headers lower-case (a repeated one as an array), the complete URL, the query. */
export function requestInput(request: IncomingMessage, target: { pathAndQuery: string; query: string }, body: string, withoutAuthorization: boolean): RequestInput {
  const headers: Record<string, string | string[]> = {};
  for (const [name, values] of Object.entries(request.headersDistinct)) {
    if (!values || (withoutAuthorization && name === 'authorization')) continue;
    headers[name] = values.length === 1 ? values[0]! : values;
  }
  const host = request.headers.host ?? `${request.socket.localAddress}:${request.socket.localPort}`;
  return {
    body,
    headers,
    contentType: request.headers['content-type'] ?? '',
    url: `http://${host}${target.pathAndQuery}`,
    query: queryObject(target.query),
  };
}
