import type { ApiSettings } from '../../shared/schemas/actionflow.schema.js';

/** The timeout when neither the call nor the endpoint sets one (DESIGN §5). */
export const DEFAULT_TIMEOUT_MS = { sync: 60_000, async: 500 } as const;

const WHOLE_MILLISECONDS = /^[1-9][0-9]*$/;

export type TimeoutResolution = { ok: true; timeoutMs: number } | { ok: false; message: string };

/**
 * The run's timeout from the raw query string: the `timeout` parameter (given once, a whole number of milliseconds
 * from 1 up to `maxTimeoutMs`), else the endpoint's `timeoutMs`, else the default of its mode.
 */
export function resolveTimeout(query: string, api: Pick<ApiSettings, 'mode' | 'timeoutMs'>, maxTimeoutMs: number): TimeoutResolution {
  const given = query ? new URLSearchParams(query).getAll('timeout') : [];
  if (given.length > 1) return { ok: false, message: `timeout is given ${given.length} times; give it once` };
  if (given.length === 0) return { ok: true, timeoutMs: api.timeoutMs ?? DEFAULT_TIMEOUT_MS[api.mode] };
  const text = given[0]!;
  if (!WHOLE_MILLISECONDS.test(text))
    return { ok: false, message: `timeout must be a whole number of milliseconds from 1 to ${maxTimeoutMs}, got ${JSON.stringify(text)}` };
  const timeoutMs = Number(text);
  if (timeoutMs > maxTimeoutMs) return { ok: false, message: `timeout ${text} is more than this server allows (${maxTimeoutMs} ms)` };
  return { ok: true, timeoutMs };
}
