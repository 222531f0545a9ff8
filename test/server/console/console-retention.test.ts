import { describe, expect, it } from 'vitest';
import { addApplications, post, serverWith } from '../api/api-fixtures.js';
import { quickFlow } from '../api/async-fixtures.js';
import { manualClock } from '../security/security-fixture.js';
import { admin, runningServer } from '../../support/running-server.js';
import { entries } from './console-fixtures.js';

const DAY = 24 * 3_600_000;
const storedEntries = (server: { stores: { db: { prepare(sql: string): { pluck(): { get(): unknown } } } } }) =>
  server.stores.db.prepare('SELECT COUNT(*) FROM console_entries').pluck().get();

describe('console retention', () => {
  it('keeps the newest entries up to consoleMaxEntries, deleting the rest', async () => {
    const server = await serverWith({ App: { actionflows: [quickFlow('Quick')] } }, { consoleMaxEntries: 3 });
    const processIds: string[] = [];
    for (let run = 0; run < 5; run++) processIds.push((await post(server.url, 'App', 'Quick', {})).body.processId);
    const kept = await entries(server);
    expect(kept.entries.map((summary) => summary.processId)).toEqual(processIds.slice(2).reverse());
    expect(storedEntries(server)).toBe(3);
  });

  it('hides entries older than consoleMaxAgeMs from the list and from reading, and deletes them', async () => {
    const clock = manualClock();
    const server = await runningServer({ clock });
    addApplications(server.stores, { App: { actionflows: [quickFlow('Quick')] } });
    await post(server.url, 'App', 'Quick', {});
    const [old] = (await entries(server)).entries;
    clock.advance(7 * DAY + 1);
    const fresh = await post(server.url, 'App', 'Quick', {});
    expect((await entries(server)).entries.map((summary) => summary.processId)).toEqual([fresh.body.processId]);
    expect((await admin(server, 'GET', `/console/entries/${old!.id}`)).status).toBe(404);
    expect(storedEntries(server)).toBe(1);
  });
});
