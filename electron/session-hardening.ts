import type { Session } from 'electron';
import { isAppUrl } from './trusted-origin.js';

/**
 * The one permission the designer needs: writing to the clipboard (the endpoint URL's copy
 * button, "copy as curl"), and only for the app's own pages. Everything else is refused.
 */
const GRANTED_TO_APP_ORIGIN: ReadonlySet<string> = new Set(['clipboard-sanitized-write']);

/** Whether a page at `requestingUrl` may have `permission`. */
export function isPermissionGranted(permission: string, requestingUrl: string, appOrigin: string): boolean {
  return GRANTED_TO_APP_ORIGIN.has(permission) && isAppUrl(requestingUrl, appOrigin);
}

type ResponseHeaders = Record<string, string[]>;

/**
 * The response headers with the designer's policy added. A policy the server already sent is
 * kept beside it: the browser enforces every policy it gets, so adding one can only tighten.
 */
export function withContentSecurityPolicy(headers: ResponseHeaders | undefined, policy: string): ResponseHeaders {
  const result: ResponseHeaders = {};
  const sent: string[] = [];
  for (const [name, values] of Object.entries(headers ?? {})) {
    if (name.toLowerCase() === 'content-security-policy') sent.push(...values);
    else result[name] = values;
  }
  result['Content-Security-Policy'] = sent.includes(policy) ? sent : [...sent, policy];
  return result;
}

/** Denies permission requests and checks by default and enforces the CSP on every response. */
export function registerSessionHardening(session: Session, appOrigin: string, contentSecurityPolicy: string): void {
  session.setPermissionRequestHandler((_contents, permission, callback, details) => {
    callback(isPermissionGranted(permission, details.requestingUrl, appOrigin));
  });
  session.setPermissionCheckHandler((_contents, permission, requestingOrigin) => isPermissionGranted(permission, requestingOrigin, appOrigin));
  session.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: withContentSecurityPolicy(details.responseHeaders, contentSecurityPolicy) });
  });
}
