import type { ConsoleEntrySummary, ConsoleStatus } from '../../../shared/dto/console.dto.js';

/** What the console list is narrowed to ('' for any). */
export interface ConsoleFilters {
  application: string;
  actionflow: string;
  status: ConsoleStatus | '';
  /** Text searched in the URL, the user, the reason, the process id and (by the server) the message texts. */
  q: string;
}

export const NO_FILTERS: ConsoleFilters = { application: '', actionflow: '', status: '', q: '' };

/** How an entry is marked: red with errors, orange with warnings (DESIGN §6), blue while running. */
export type EntryTone = 'error' | 'warning' | 'running' | 'ok';

/** An entry's mark: errors (or a failed run) red; warnings, an aborted run or a refused call orange; running blue. */
export function entryTone(entry: Pick<ConsoleEntrySummary, 'status' | 'counts'>): EntryTone {
  if (entry.counts.errors > 0 || entry.status === 'Fail') return 'error';
  if (entry.counts.warnings > 0 || entry.status === 'Aborted' || entry.status === 'Refused') return 'warning';
  if (entry.status === 'Running') return 'running';
  return 'ok';
}

/**
 * Whether a live entry belongs in a list with these filters. The server also searches the message
 * texts for `q`; a live entry, which arrives without its messages, is matched on its URL, user,
 * reason, process id and names only.
 */
export function matchesFilters(entry: ConsoleEntrySummary, filters: ConsoleFilters): boolean {
  if (filters.application && entry.application !== filters.application) return false;
  if (filters.actionflow && entry.actionflow !== filters.actionflow) return false;
  if (filters.status && entry.status !== filters.status) return false;
  const q = filters.q.trim().toLowerCase();
  if (!q) return true;
  return [entry.request.url, entry.user ?? '', entry.reason ?? '', entry.processId ?? '', entry.application, entry.actionflow].some((text) =>
    text.toLowerCase().includes(q),
  );
}

/**
 * The list with a live entry put in its place: a known entry is replaced where it is, a new one
 * goes first (newest first) when it matches the filters.
 */
export function withLiveEntry(list: readonly ConsoleEntrySummary[], entry: ConsoleEntrySummary, filters: ConsoleFilters): ConsoleEntrySummary[] {
  const index = list.findIndex((known) => known.id === entry.id);
  if (index !== -1) return list.map((known, at) => (at === index ? entry : known));
  if (!matchesFilters(entry, filters)) return [...list];
  const at = list.findIndex((known) => known.id < entry.id);
  return at === -1 ? [...list, entry] : [...list.slice(0, at), entry, ...list.slice(at)];
}

/** The most entries the list keeps as live ones arrive; older ones are read again with "Load older entries". */
export const LIVE_LIST_LIMIT = 500;

/**
 * The list with a batch of live entries put in place (`withLiveEntry`), cut to its newest `limit`;
 * `trimmed` says that older entries were let go (so they can be paged in again).
 */
export function withLiveEntries(
  list: readonly ConsoleEntrySummary[],
  entries: readonly ConsoleEntrySummary[],
  filters: ConsoleFilters,
  limit = LIVE_LIST_LIMIT,
): { entries: ConsoleEntrySummary[]; trimmed: boolean } {
  let next = [...list];
  for (const entry of entries) next = withLiveEntry(next, entry, filters);
  return next.length > limit ? { entries: next.slice(0, limit), trimmed: true } : { entries: next, trimmed: false };
}

/** The list with a freshly read page merged in, by id, newest first (a page read again after a reconnect overlaps). */
export function withPage(list: readonly ConsoleEntrySummary[], page: readonly ConsoleEntrySummary[]): ConsoleEntrySummary[] {
  const byId = new Map(list.map((entry) => [entry.id, entry]));
  for (const entry of page) byId.set(entry.id, entry);
  return [...byId.values()].sort((a, b) => b.id - a.id);
}

/** "2 errors, 1 warning, 3 debug": an entry's counts in words, or '' when it has none. */
export function countsText(counts: ConsoleEntrySummary['counts']): string {
  const parts = [
    counts.errors ? `${counts.errors} error${counts.errors > 1 ? 's' : ''}` : '',
    counts.warnings ? `${counts.warnings} warning${counts.warnings > 1 ? 's' : ''}` : '',
    counts.debug ? `${counts.debug} debug` : '',
  ];
  return parts.filter(Boolean).join(', ');
}
