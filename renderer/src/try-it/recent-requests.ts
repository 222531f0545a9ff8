import { withoutAuthorization, type EndpointRef, type KeyValue, type TryItRequest } from './try-it-request.js';

/** A request sent from Try it, as this browser remembers it (never with a key). */
export interface RecentRequest {
  request: TryItRequest;
  /** ms since epoch. */
  sentAt: number;
  /** The reply's status, or null when there was none. */
  status: number | null;
}

/** How many requests are remembered per endpoint. */
export const RECENT_LIMIT = 10;

const PREFIX = 'actionflow-studio:try-it:';
const storageKey = (target: EndpointRef) => `${PREFIX}${encodeURIComponent(target.application)}/${encodeURIComponent(target.actionflow)}`;

const isRows = (value: unknown): value is KeyValue[] =>
  Array.isArray(value) && value.every((row: { name?: unknown; value?: unknown } | null) => typeof row?.name === 'string' && typeof row?.value === 'string');

function isRecent(value: unknown): value is RecentRequest {
  const entry = value as RecentRequest | null;
  const request = entry?.request;
  return (
    typeof entry?.sentAt === 'number' &&
    (entry.status === null || typeof entry.status === 'number') &&
    (request?.method === 'GET' || request?.method === 'POST') &&
    typeof request.body === 'string' &&
    isRows(request.query) &&
    isRows(request.headers)
  );
}

/** The requests last sent to `target`, newest first; anything unreadable in storage is ignored. */
export function recentRequests(target: EndpointRef, storage: Storage = window.localStorage): RecentRequest[] {
  try {
    const stored: unknown = JSON.parse(storage.getItem(storageKey(target)) ?? '[]');
    return Array.isArray(stored) ? stored.filter(isRecent).slice(0, RECENT_LIMIT) : [];
  } catch {
    return [];
  }
}

/**
 * Remembers a request sent to `target` (first in the list; the same request sent before moves up
 * rather than being listed twice). Authorization rows are dropped before anything is written.
 */
export function rememberRequest(target: EndpointRef, sent: RecentRequest, storage: Storage = window.localStorage): RecentRequest[] {
  const request = withoutAuthorization(sent.request);
  const same = JSON.stringify(request);
  const kept = recentRequests(target, storage).filter((entry) => JSON.stringify(entry.request) !== same);
  const next = [{ ...sent, request }, ...kept].slice(0, RECENT_LIMIT);
  try {
    storage.setItem(storageKey(target), JSON.stringify(next));
  } catch {
    // A full or refused storage only costs the history.
  }
  return next;
}

/** Moves the requests remembered for `from` to `to` (a renamed endpoint keeps its history). */
export function moveRecentRequests(from: EndpointRef, to: EndpointRef, storage: Storage = window.localStorage): void {
  const kept = storage.getItem(storageKey(from));
  if (kept === null) return;
  try {
    storage.setItem(storageKey(to), kept);
    storage.removeItem(storageKey(from));
  } catch {
    // A full or refused storage only costs the history.
  }
}
