import { describe, expect, it } from 'vitest';
import type { ConsoleEntrySummary } from '../../../shared/dto/console.dto.js';
import { countsText, entryTone, matchesFilters, NO_FILTERS, withLiveEntries, withLiveEntry, withPage } from '../../../renderer/src/console/console-entries.js';

function entry(id: number, patch: Partial<ConsoleEntrySummary> = {}): ConsoleEntrySummary {
  return {
    id,
    processId: `p${id}`,
    application: 'Demo',
    actionflow: 'Company Lookup',
    mode: 'sync',
    user: 'system',
    startedAt: '2026-03-02T10:30:00.000Z',
    durationMs: 4,
    status: 'Success',
    request: { method: 'GET', url: 'http://127.0.0.1:8080/phixflow/api/1/action/Demo/Company%20Lookup/trigger?name=Acme', contentType: '', bytes: 0 },
    reply: { status: 200, bytes: 50 },
    reason: null,
    counts: { errors: 0, warnings: 0, debug: 0 },
    ...patch,
  };
}

describe('console entries in the list', () => {
  it('are marked red with errors or a failed run, orange with warnings, an abort or a refusal, blue while running', () => {
    expect(entryTone(entry(1, { counts: { errors: 1, warnings: 2, debug: 0 } }))).toBe('error');
    expect(entryTone(entry(1, { status: 'Fail' }))).toBe('error');
    expect(entryTone(entry(1, { counts: { errors: 0, warnings: 1, debug: 0 } }))).toBe('warning');
    expect(entryTone(entry(1, { status: 'Aborted' }))).toBe('warning');
    expect(entryTone(entry(1, { status: 'Refused' }))).toBe('warning');
    expect(entryTone(entry(1, { status: 'Running' }))).toBe('running');
    expect(entryTone(entry(1))).toBe('ok');
  });

  it('match the filters by application, flow, status and text in the URL, the user, the reason or the process id', () => {
    const one = entry(1);
    expect(matchesFilters(one, NO_FILTERS)).toBe(true);
    expect(matchesFilters(one, { ...NO_FILTERS, application: 'Other' })).toBe(false);
    expect(matchesFilters(one, { ...NO_FILTERS, actionflow: 'Company Lookup', status: 'Success' })).toBe(true);
    expect(matchesFilters(one, { ...NO_FILTERS, status: 'Fail' })).toBe(false);
    expect(matchesFilters(one, { ...NO_FILTERS, q: 'name=ACME' })).toBe(true);
    expect(matchesFilters(one, { ...NO_FILTERS, q: 'SYSTEM' })).toBe(true);
    expect(matchesFilters(one, { ...NO_FILTERS, q: 'P1' })).toBe(true);
    expect(matchesFilters(entry(2, { status: 'Aborted', reason: 'stopped' }), { ...NO_FILTERS, q: 'stop' })).toBe(true);
    expect(matchesFilters(one, { ...NO_FILTERS, q: 'nowhere' })).toBe(false);
  });

  it('take a live entry in its place: a change where it is, a new one in id order, a filtered-out one not at all', () => {
    const list = [entry(5), entry(3)];
    expect(withLiveEntry(list, entry(3, { status: 'Fail' }), NO_FILTERS).map((e) => [e.id, e.status])).toEqual([
      [5, 'Success'],
      [3, 'Fail'],
    ]);
    expect(withLiveEntry(list, entry(6), NO_FILTERS).map((e) => e.id)).toEqual([6, 5, 3]);
    expect(withLiveEntry(list, entry(4), NO_FILTERS).map((e) => e.id)).toEqual([5, 4, 3]);
    expect(withLiveEntry(list, entry(6, { application: 'Other' }), { ...NO_FILTERS, application: 'Demo' }).map((e) => e.id)).toEqual([5, 3]);
  });

  it('keep the newest as a batch of live entries arrives, saying when older ones were let go', () => {
    const list = [entry(3), entry(2), entry(1)];
    expect(withLiveEntries(list, [entry(4), entry(2, { status: 'Fail' }), entry(5)], NO_FILTERS, 4)).toEqual({
      entries: [entry(5), entry(4), entry(3), entry(2, { status: 'Fail' })],
      trimmed: true,
    });
    expect(withLiveEntries(list, [entry(4)], NO_FILTERS, 4)).toEqual({ entries: [entry(4), ...list], trimmed: false });
  });

  it('merge a page by id, newest first, without duplicates', () => {
    expect(withPage([entry(9), entry(7)], [entry(7, { status: 'Fail' }), entry(6)]).map((e) => [e.id, e.status])).toEqual([
      [9, 'Success'],
      [7, 'Fail'],
      [6, 'Success'],
    ]);
  });

  it('say their counts in words', () => {
    expect(countsText({ errors: 2, warnings: 1, debug: 3 })).toBe('2 errors, 1 warning, 3 debug');
    expect(countsText({ errors: 0, warnings: 0, debug: 0 })).toBe('');
  });
});
