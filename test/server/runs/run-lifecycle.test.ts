import type { ServerResponse } from 'node:http';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { systemClock } from '../../../server/clock.js';
import { openDatabase } from '../../../server/storage/database.js';
import { LeaseStore } from '../../../server/storage/lease.store.js';
import { ProcessStore } from '../../../server/storage/process.store.js';
import { createStores } from '../../../server/storage/stores.js';
import { runningServer } from '../../support/running-server.js';
import { localHttpServer } from '../engine/local-http-server.js';
import { flow, node, post, send } from '../api/api-fixtures.js';
import { isolatedServer, within } from './run-fixtures.js';

/** A flow that calls `url` and returns what came back: it waits as long as that server does. */
const waiting = (name: string, url: string, api: Record<string, unknown> = { allowAnonymous: true }) =>
  flow(name, [node('in', 'apiInput'), node('h', 'http', { url }, 'Call'), node('o', 'output', {}, 'result')], ['in->h', 'h->o'], api);

const echo = flow('Echo', [node('in', 'apiInput'), node('o', 'output', { attributes: ['body'] }, 'result')], ['in->o']);

const poll = (url: string, processId: string) => send(url, `/phixflow/api/1/action/App/Async/poll/${processId}`, { method: 'GET' });

describe('runs end, whatever happens to their server (DESIGN §7, §10)', () => {
  it('ends running async runs Aborted in poll and the console when the server stops, and ends queued ones "not started (safe to resend)"', async () => {
    const held: ServerResponse[] = [];
    const slow = await localHttpServer((_request, response) => held.push(response));
    const server = await isolatedServer(
      { App: { actionflows: [waiting('Async', `${slow.url}/`, { allowAnonymous: true, mode: 'async' })] } },
      { runsPerWorker: 1 },
      1,
    );
    const accepted = await Promise.all([1, 2].map(() => post(server.url, 'App', 'Async', {}, '?timeout=50')));
    expect(accepted.map((reply) => reply.status)).toEqual([202, 202]);
    await expect.poll(() => held.length, { timeout: 10_000 }).toBe(1);
    await within(20_000, 'the stop', server.close());

    const stores = createStores(openDatabase(join(server.dataDir, 'studio.db')), systemClock);
    const processes = new ProcessStore(stores.db);
    const [running, queued] = accepted.map((reply) => processes.find(reply.body.processId)!);
    expect(running).toMatchObject({ status: 'Aborted' });
    expect(JSON.parse(running!.result!)).toMatchObject({ message: 'the server is stopping' });
    expect(JSON.parse(queued!.result!)).toMatchObject({ status: 'Aborted', message: 'not started (safe to resend)' });
    const entries = stores.db.prepare<[], { status: string; reason: string }>('SELECT status, reason FROM console_entries ORDER BY id').all();
    expect(entries).toEqual([
      { status: 'Aborted', reason: 'the server is stopping' },
      { status: 'Aborted', reason: 'not started (safe to resend)' },
    ]);
    stores.db.close();
  });

  it('leaves the runs of a server alone when a second server starts on the same data folder', async () => {
    const held: ServerResponse[] = [];
    const slow = await localHttpServer((_request, response) => held.push(response));
    const first = await isolatedServer({ App: { actionflows: [waiting('Async', `${slow.url}/`, { allowAnonymous: true, mode: 'async' })] } }, {}, 1);
    const accepted = await post(first.url, 'App', 'Async', {}, '?timeout=50');
    expect(accepted.status).toBe(202);
    await expect.poll(() => held.length, { timeout: 10_000 }).toBe(1);

    const second = await runningServer({ dataDir: first.dataDir });
    expect((await poll(second.url, accepted.body.processId)).body.status).toBe('Running');
    held[0]!.end('{"done": true}');
    await expect.poll(async () => (await poll(first.url, accepted.body.processId)).body.status, { timeout: 10_000 }).toBe('Success');
  });

  it('ends Aborted the runs of a server whose lease expired, on the next server start', async () => {
    const server = await isolatedServer({ App: { actionflows: [echo] } }, {}, 1);
    const dataDir = server.dataDir;
    await server.close();
    const db = openDatabase(join(dataDir, 'studio.db'));
    const now = Date.now();
    new LeaseStore(db).renew({ serverId: 'gone', host: 'elsewhere', pid: 1, expiresAt: now - 1 }, now - 60_000);
    new ProcessStore(db, 'gone').save([
      {
        processId: '6f1f2b9e-2d8e-4c57-9f5e-4b1e0f7c9a11',
        application: 'App',
        actionflow: 'Echo',
        mode: 'async',
        user: 'system',
        status: 'Running',
        startedAt: now - 50_000,
        finishedAt: null,
        result: null,
      },
    ]);
    db.close();

    const restarted = await runningServer({ dataDir });
    const reply = await send(restarted.url, '/phixflow/api/1/action/App/Echo/poll/6f1f2b9e-2d8e-4c57-9f5e-4b1e0f7c9a11', { method: 'GET' });
    expect(reply.body).toMatchObject({ status: 'Aborted', message: 'the server stopped while the run was going on' });
  });
});

describe('fair shares of the run slots (DESIGN §10)', () => {
  it('answers another endpoint while one endpoint holds its share, and refuses the flood past its queue with 503 and Retry-After', async () => {
    const held: ServerResponse[] = [];
    const slow = await localHttpServer((_request, response) => held.push(response));
    const server = await isolatedServer(
      { App: { actionflows: [waiting('Flood', `${slow.url}/`, { allowAnonymous: true, mode: 'async' }), echo] } },
      { runsPerWorker: 4, maxQueuedRunsPerEndpoint: 5 },
      2,
    );
    // 8 slots: the flood holds 6 of them, queues 5 more, and is refused past that.
    const flood = await Promise.all(Array.from({ length: 14 }, () => post(server.url, 'App', 'Flood', {}, '?timeout=20')));
    const statuses = flood.map((reply) => reply.status).sort();
    expect(statuses).toEqual([...Array(11).fill(202), ...Array(3).fill(503)]);
    const refused = flood.find((reply) => reply.status === 503)!;
    expect(refused.headers['retry-after']).toBe('1');
    expect(refused.body.message).toMatch(/has 5 runs waiting for a run slot already \(the maxQueuedRunsPerEndpoint setting\)/);
    await expect.poll(() => held.length, { timeout: 10_000 }).toBe(6);

    const other = await within(20_000, 'the other endpoint', post(server.url, 'App', 'Echo', 'served'));
    expect(other.status).toBe(200);
    for (const response of held) response.end('{}');
    await expect.poll(() => held.length, { timeout: 10_000 }).toBe(11);
    for (const response of held) if (!response.writableEnded) response.end('{}');
  });
});
