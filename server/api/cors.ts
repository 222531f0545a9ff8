import type { CorsSettings } from '../../shared/schemas/actionflow.schema.js';

const ALLOWED_METHODS = 'GET, POST';
const EXPOSED_HEADERS = 'Location, Retry-After';
const PREFLIGHT_MAX_AGE_SECONDS = '600';

/** The CORS headers for a call from `origin` to an endpoint with `cors` (none when it sends none or the origin is not allowed). */
export function corsHeaders(cors: CorsSettings | null, origin: string | undefined): Record<string, string> {
  if (!cors || !origin) return {};
  if (cors.origins.includes('*')) return { 'access-control-allow-origin': '*', 'access-control-expose-headers': EXPOSED_HEADERS };
  if (!cors.origins.includes(origin)) return { vary: 'Origin' };
  return { 'access-control-allow-origin': origin, vary: 'Origin', 'access-control-expose-headers': EXPOSED_HEADERS };
}

/** The headers answering a preflight from an allowed origin; undefined when the endpoint does not allow it. */
export function preflightHeaders(
  cors: CorsSettings | null,
  origin: string | undefined,
  requestedHeaders: string | undefined,
): Record<string, string> | undefined {
  const headers = corsHeaders(cors, origin);
  if (!headers['access-control-allow-origin']) return undefined;
  return {
    ...headers,
    'access-control-allow-methods': ALLOWED_METHODS,
    ...(requestedHeaders ? { 'access-control-allow-headers': requestedHeaders } : {}),
    'access-control-max-age': PREFLIGHT_MAX_AGE_SECONDS,
  };
}
