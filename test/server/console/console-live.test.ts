import { describe, expect, it } from 'vitest';
import { post, serverWith } from '../api/api-fixtures.js';
import { callingFlow, gatedService, poll, quickFlow } from '../api/async-fixtures.js';
import { admin, runningServer } from '../../support/running-server.js';
import { entries, entry, openStream } from './console-fixtures.js';

describe('stopping a run from the console', () => {
  it('aborts it: its waiting caller gets 503 "stopped", poll says Aborted, and a second stop is a 409', async () => {
    const service = await gatedService();
    const server = await serverWith({ App: { actionflows: [callingFlow('Waits', `${service.url}/work`, { mode: 'sync' })] } });
    const pending = post(server.url, 'App', 'Waits', {});
    await expect.poll(() => service.seen.length, { timeout: 10_000 }).toBe(1);
    const [running] = (await entries(server, '?status=Running')).entries;
    expect(running).toMatchObject({ actionflow: 'Waits', status: 'Running', durationMs: null, reply: null });

    const stopped = await admin(server, 'POST', `/console/entries/${running!.id}/stop`);
    expect(stopped.status).toBe(202);
    expect(stopped.body).toMatchObject({ id: running!.id, status: 'Aborted', reason: 'stopped', reply: { status: 503 } });
    const reply = await pending;
    expect(reply.status).toBe(503);
    expect(reply.body).toEqual({ status: 'Aborted', processId: running!.processId, message: 'stopped' });
    expect(await service.seen[0]!.abandoned).toBe(true);
    expect((await poll(server.url, 'App', 'Waits', running!.processId!)).body).toMatchObject({ status: 'Aborted', message: 'stopped' });

    const again = await admin(server, 'POST', `/console/entries/${running!.id}/stop`);
    expect(again.status).toBe(409);
    expect(again.body.message).toContain('is not running (Aborted)');
    expect((await admin(server, 'POST', '/console/entries/424242/stop')).status).toBe(404);
  });

  it('stops an async run after its 202, which then polls as Aborted', async () => {
    const service = await gatedService();
    const server = await serverWith({ App: { actionflows: [callingFlow('Later', `${service.url}/work`)] } });
    const accepted = await post(server.url, 'App', 'Later', {}, '?timeout=20');
    expect(accepted.status).toBe(202);
    const [running] = (await entries(server, '?status=Running')).entries;
    expect(running!.reply).toEqual({ status: 202, bytes: Buffer.byteLength(accepted.text) });
    expect((await admin(server, 'POST', `/console/entries/${running!.id}/stop`)).status).toBe(202);
    expect((await poll(server.url, 'App', 'Later', accepted.body.processId)).body).toMatchObject({ status: 'Aborted', message: 'stopped' });
    const ended = await entry(server, running!.id);
    expect(ended.status).toBe('Aborted');
    expect(ended.messages.map((message) => message.text).slice(-2)).toEqual(['202 Running', 'result for poll: 503 Aborted']);
  });
});

describe('the console event stream', () => {
  it('sends each new entry and again when it finishes, then ends when the server closes', async () => {
    const service = await gatedService();
    const server = await serverWith({ App: { actionflows: [callingFlow('Later', `${service.url}/work`), quickFlow('Quick')] } });
    const stream = await openStream(server);
    expect(stream.status).toBe(200);
    expect(stream.contentType).toMatch(/^text\/event-stream/);

    const quick = await post(server.url, 'App', 'Quick', {});
    await expect.poll(() => stream.events.length, { timeout: 10_000 }).toBe(2);
    expect(stream.events.map(({ event, data }) => [event, data.processId, data.status])).toEqual([
      ['entry', quick.body.processId, 'Running'],
      ['entry', quick.body.processId, 'Success'],
    ]);

    const accepted = await post(server.url, 'App', 'Later', {}, '?timeout=20');
    await expect.poll(() => stream.events.length, { timeout: 10_000 }).toBe(3);
    expect(stream.events[2]!.data).toMatchObject({ processId: accepted.body.processId, status: 'Running', actionflow: 'Later' });
    service.release(5);
    await expect.poll(() => stream.events.length, { timeout: 10_000 }).toBe(4);
    expect(stream.events[3]!.data).toMatchObject({ processId: accepted.body.processId, status: 'Success', reply: { status: 202 } });
    expect(stream.comments).toContain('connected');

    await server.close();
    await stream.ended;
  });

  it('is refused without the session token', async () => {
    const server = await serverWith({});
    expect((await fetch(`${server.url}/_studio/api/v1/console/stream`)).status).toBe(401);
  });
});

describe('closing the server', () => {
  it('aborts running runs, answers their callers, and keeps their entries and processes', async () => {
    const service = await gatedService();
    const server = await serverWith({ App: { actionflows: [callingFlow('Waits', `${service.url}/work`, { mode: 'sync' })] } });
    const pending = post(server.url, 'App', 'Waits', {});
    await expect.poll(() => service.seen.length, { timeout: 10_000 }).toBe(1);
    await server.close();
    const reply = await pending;
    expect(reply.status).toBe(503);
    expect(reply.body).toMatchObject({ status: 'Aborted', message: 'the server is stopping' });

    const reopened = await runningServer({ dataDir: server.dataDir });
    expect((await poll(reopened.url, 'App', 'Waits', reply.body.processId)).body).toMatchObject({ status: 'Aborted', message: 'the server is stopping' });
    expect((await entries(reopened)).entries).toMatchObject([
      { processId: reply.body.processId, status: 'Aborted', reason: 'the server is stopping', reply: { status: 503 } },
    ]);
  });
});
