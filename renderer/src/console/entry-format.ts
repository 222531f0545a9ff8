import type { ConsoleEntrySummary } from '../../../shared/dto/console.dto.js';
import { countsText, entryTone } from './console-entries.js';

const clock = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit', second: '2-digit', hour12: false });
const day = new Intl.DateTimeFormat(undefined, { year: 'numeric', month: 'short', day: 'numeric' });

/** The time of day of an ISO timestamp (`14:03:27`). */
export const timeOfDay = (iso: string): string => clock.format(new Date(iso));

/** Date and time of an ISO timestamp, for a tooltip or the detail (`2 Mar 2026, 14:03:27.120`). */
export function fullTime(iso: string): string {
  const date = new Date(iso);
  return `${day.format(date)}, ${clock.format(date)}.${String(date.getMilliseconds()).padStart(3, '0')}`;
}

/** What assistive technology reads for an entry in the list. */
export function entryLabel(entry: ConsoleEntrySummary): string {
  const tone = entryTone(entry);
  return [
    `${entry.application} / ${entry.actionflow}`,
    entry.status,
    entry.reply ? `replied ${entry.reply.status}` : '',
    timeOfDay(entry.startedAt),
    countsText(entry.counts),
    tone === 'error' ? 'marked red' : tone === 'warning' ? 'marked orange' : '',
  ]
    .filter(Boolean)
    .join(', ');
}
