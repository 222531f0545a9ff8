import { describe, expect, it } from 'vitest';
import { post, send, serverWith, trigger } from './api-fixtures.js';
import { callingFlow, gatedService, poll, quickFlow } from './async-fixtures.js';

const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const ISO = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/;

describe('async mode (DESIGN §5)', () => {
  it('answers 202 Running with a relative poll Location and Retry-After, polls Running, then Success with the data', async () => {
    const service = await gatedService();
    const server = await serverWith({ 'My App': { actionflows: [callingFlow('Slow Job', `${service.url}/work`)] } });

    const accepted = await post(server.url, 'My App', 'Slow Job', {});
    expect(accepted.status).toBe(202);
    expect(accepted.body).toEqual({ status: 'Running', processId: expect.stringMatching(UUID_V4) });
    const { processId } = accepted.body;
    expect(accepted.headers.location).toBe(`/phixflow/api/1/action/My%20App/Slow%20Job/poll/${processId}`);
    expect(accepted.headers['retry-after']).toBe('1');

    const running = await send(server.url, accepted.headers.location as string, { method: 'GET' });
    expect(running.status).toBe(200);
    expect(running.headers['retry-after']).toBe('1');
    expect(running.body).toEqual({ processId, status: 'Running', startedAt: expect.stringMatching(ISO) });

    await expect.poll(() => service.seen.length, { timeout: 10_000 }).toBe(1);
    service.release(7);
    await expect.poll(async () => (await poll(server.url, 'My App', 'Slow Job', processId)).body.status, { timeout: 10_000 }).toBe('Success');
    const done = await poll(server.url, 'My App', 'Slow Job', processId, { method: 'POST', body: '{"ignored": true}' });
    expect(done.status).toBe(200);
    expect(done.headers['retry-after']).toBeUndefined();
    expect(done.body).toEqual({
      processId,
      status: 'Success',
      startedAt: running.body.startedAt,
      finishedAt: expect.stringMatching(ISO),
      data: { result: [{ value: 7 }] },
    });
  });

  it('gives the Location in the version 10 form to a version 10 trigger, and polls there', async () => {
    const service = await gatedService();
    const server = await serverWith({ App: { actionflows: [callingFlow('Later', `${service.url}/work`)] } });
    const accepted = await post(server.url, undefined, 'Later', {});
    expect(accepted.status).toBe(202);
    expect(accepted.headers.location).toBe(`/phixflow/api/1/action/Later/poll/${accepted.body.processId}`);
    expect((await send(server.url, accepted.headers.location as string, { method: 'POST' })).body.status).toBe('Running');
    service.release();
    await expect.poll(async () => (await poll(server.url, undefined, 'Later', accepted.body.processId)).body.status, { timeout: 10_000 }).toBe('Success');
  });

  it('answers a run that finishes within the timeout at once, as sync mode would, and polls it as Success', async () => {
    const server = await serverWith({ App: { actionflows: [quickFlow('Quick')] } });
    const reply = await post(server.url, 'App', 'Quick', {}, '?timeout=5000');
    expect(reply.status).toBe(200);
    expect(reply.headers.location).toBeUndefined();
    expect(reply.body).toEqual({ status: 'Success', processId: expect.stringMatching(UUID_V4), data: { result: [{ answer: 42 }] } });
    const polled = await poll(server.url, 'App', 'Quick', reply.body.processId);
    expect(polled.body).toMatchObject({ status: 'Success', data: { result: [{ answer: 42 }] }, finishedAt: expect.stringMatching(ISO) });
  });

  it('aborts a run that outlives the maximum run time, which then polls as Aborted', async () => {
    const service = await gatedService();
    const server = await serverWith({ App: { actionflows: [callingFlow('Endless', `${service.url}/never`)] } }, { maxRunTimeMs: 2000 });
    const accepted = await post(server.url, 'App', 'Endless', {}, '?timeout=50');
    expect(accepted.status).toBe(202);
    await expect.poll(() => service.seen.length, { timeout: 10_000 }).toBe(1);
    await expect.poll(async () => (await poll(server.url, 'App', 'Endless', accepted.body.processId)).body.status, { timeout: 20_000 }).toBe('Aborted');
    const polled = await poll(server.url, 'App', 'Endless', accepted.body.processId);
    expect(polled.body).toMatchObject({ status: 'Aborted', message: 'timed out after 2000 ms', finishedAt: expect.stringMatching(ISO) });
    expect(await service.seen[0]!.abandoned).toBe(true);
  });

  it('gives a caller still waiting for a run that reaches the maximum run time the 504 of sync mode', async () => {
    const service = await gatedService();
    const server = await serverWith({ App: { actionflows: [callingFlow('Endless', `${service.url}/never`)] } }, { maxRunTimeMs: 100 });
    const reply = await post(server.url, 'App', 'Endless', {}, '?timeout=10000');
    expect(reply.status).toBe(504);
    expect(reply.body).toEqual({ status: 'Aborted', processId: expect.stringMatching(UUID_V4), message: 'timed out after 100 ms' });
  });
});

describe('poll', () => {
  it('reports sync runs too, with what their reply said', async () => {
    const server = await serverWith({ App: { actionflows: [{ ...quickFlow('Now'), api: { allowAnonymous: true, mode: 'sync' } }] } });
    const reply = await post(server.url, 'App', 'Now', {});
    expect(reply.status).toBe(200);
    const polled = await poll(server.url, 'App', 'Now', reply.body.processId);
    expect(polled).toMatchObject({ status: 200, body: { processId: reply.body.processId, status: 'Success', data: { result: [{ answer: 42 }] } } });
  });

  it('answers 404 for an unknown id, a malformed id and a run of another flow', async () => {
    const server = await serverWith({ App: { actionflows: [quickFlow('One'), quickFlow('Two')] } });
    const run = await post(server.url, 'App', 'One', {});
    const unknown = 'f47ac10b-58cc-4372-a567-0e02b2c3d479';
    for (const [actionflow, id] of [
      ['One', unknown],
      ['One', 'not-a-uuid'],
      ['One', `${run.body.processId}x`],
      ['Two', run.body.processId],
    ] as const) {
      const reply = await poll(server.url, 'App', actionflow, id);
      expect(reply.status, `${actionflow} ${id}`).toBe(404);
      expect(reply.body).toEqual({ status: 'Fail', message: expect.stringContaining('no process') });
    }
    expect((await poll(server.url, 'App', 'One', run.body.processId)).status).toBe(200);
  });

  it('answers 404 once a finished run is past the process retention', async () => {
    const server = await serverWith({ App: { actionflows: [quickFlow('Quick')] } });
    const run = await post(server.url, 'App', 'Quick', {});
    expect((await poll(server.url, 'App', 'Quick', run.body.processId)).status).toBe(200);
    server.stores.settings.update({ processRetentionMs: 1 });
    await expect.poll(async () => (await poll(server.url, 'App', 'Quick', run.body.processId)).status, { timeout: 10_000 }).toBe(404);
  });

  it('answers 405 with Allow for other methods, and 404 for an unknown flow', async () => {
    const server = await serverWith({ App: { actionflows: [quickFlow('Quick')] } });
    const run = await post(server.url, 'App', 'Quick', {});
    const path = trigger('App', 'Quick').replace('/trigger', `/poll/${run.body.processId}`);
    const put = await send(server.url, path, { method: 'PUT' });
    expect(put.status).toBe(405);
    expect(put.headers.allow).toBe('GET, POST');
    expect((await poll(server.url, 'App', 'Missing', run.body.processId)).status).toBe(404);
  });
});
