import { timingSafeEqual } from 'node:crypto';
import type { RequestHandler } from 'express';
import type { AppDeps } from '../app-deps.js';

const LOOPBACK_NAMES = ['127.0.0.1', 'localhost', '[::1]'];

/** True when `host` is a loopback name with the server's port, so a page served elsewhere cannot reach the admin API. */
export function isAdminHost(host: string | undefined, port: number | undefined): boolean {
  if (!host || port === undefined) return false;
  return LOOPBACK_NAMES.some((name) => host.toLowerCase() === `${name}:${port}`);
}

function sameToken(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * Lets through only requests with a loopback Host (with the port) and the session token as
 * `Authorization: Bearer <token>` (DESIGN §8).
 */
export function adminAuth(deps: AppDeps): RequestHandler {
  return (request, response, next) => {
    if (!isAdminHost(request.headers.host, deps.listeningPort())) {
      response.status(403).json({ message: 'the admin API answers only on 127.0.0.1, localhost or [::1] with the server’s port' });
      return;
    }
    const header = request.headers.authorization ?? '';
    const token = header.startsWith('Bearer ') ? header.slice(7).trim() : '';
    if (!token || !sameToken(token, deps.keystore.current.sessionToken)) {
      response
        .status(401)
        .json({ message: token ? 'the session token is not valid; reopen the designer from the URL the server printed' : 'the session token is missing' });
      return;
    }
    next();
  };
}
