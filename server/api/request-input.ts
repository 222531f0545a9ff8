import type { IncomingMessage } from 'node:http';
import { queryObject } from '../engine/expressions/expression-functions.js';
import type { RequestInput } from '../engine/request-input.js';

/** The request as `apiInput` hands it to a flow: headers lower-case (a repeated one as an array), the complete URL, the query. */
export function requestInput(
  request: IncomingMessage,
  target: { pathAndQuery: string; query: string },
  body: string,
  withoutAuthorization: boolean,
): RequestInput {
  const headers: Record<string, string | string[]> = {};
  const raw = request.rawHeaders;
  for (let index = 0; index < raw.length; index += 2) {
    const name = raw[index]!.toLowerCase();
    if (withoutAuthorization && name === 'authorization') continue;
    const value = raw[index + 1]!;
    const existing = headers[name];
    if (existing === undefined) headers[name] = value;
    else if (Array.isArray(existing)) existing.push(value);
    else headers[name] = [existing, value];
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
