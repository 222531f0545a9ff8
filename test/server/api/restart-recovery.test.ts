import { describe, expect, it } from 'vitest';
import { exitOf, serveCli } from '../../support/cli.js';
import { runningServer } from '../../support/running-server.js';
import { tempDir } from '../../support/temp-dir.js';
import { entries } from '../console/console-fixtures.js';
import { post } from './api-fixtures.js';
import { callingFlow, gatedService, poll } from './async-fixtures.js';

const STOPPED = 'the server stopped while the run was going on';

/** `actionflow serve` in a child process on a fresh data folder, with an async flow that waits on `serviceUrl`. */
async function servedChild(serviceUrl: string) {
  const dataDir = tempDir();
  const served = await serveCli(['--data', dataDir, '--port', '0']);
  const adminCall = (method: string, path: string, body?: unknown) =>
    fetch(`${served.url}/_studio/api/v1${path}`, {
      method,
      headers: { authorization: `Bearer ${served.token}`, 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  expect((await adminCall('POST', '/applications', { name: 'Jobs' })).status).toBe(201);
  expect((await adminCall('POST', '/applications/Jobs/actionflows', callingFlow('Long', `${serviceUrl}/work`))).status).toBe(201);
  const kill = async () => {
    served.child.kill('SIGKILL');
    expect(await exitOf(served.child)).toBeNull();
  };
  return { dataDir, url: served.url, adminCall, kill };
}

describe('a server killed while a run is going on', () => {
  it('has the run on disk before its 202, so that it polls as Aborted on the next start even when killed at once', async () => {
    const service = await gatedService();
    const child = await servedChild(service.url);
    const accepted = await post(child.url, 'Jobs', 'Long', {}, '?timeout=20');
    expect(accepted.status).toBe(202);
    await child.kill();

    const next = await runningServer({ dataDir: child.dataDir });
    const polled = await poll(next.url, 'Jobs', 'Long', accepted.body.processId);
    expect(polled.status).toBe(200);
    expect(polled.headers['retry-after']).toBeUndefined();
    expect(polled.body).toMatchObject({ processId: accepted.body.processId, status: 'Aborted', message: STOPPED, finishedAt: expect.any(String) });
  });

  it('marks the console entry of a run seen Running as Aborted on the next start', async () => {
    const service = await gatedService();
    const child = await servedChild(service.url);
    const accepted = await post(child.url, 'Jobs', 'Long', {}, '?timeout=20');
    const { processId } = accepted.body;
    expect((await poll(child.url, 'Jobs', 'Long', processId)).body.status).toBe('Running');
    await expect.poll(() => service.seen.length, { timeout: 10_000 }).toBe(1);
    expect((await (await child.adminCall('GET', '/console/entries')).json()).entries).toMatchObject([{ processId, status: 'Running' }]);
    await child.kill();

    const next = await runningServer({ dataDir: child.dataDir });
    expect((await poll(next.url, 'Jobs', 'Long', processId)).body).toMatchObject({ status: 'Aborted', message: STOPPED });
    expect((await entries(next)).entries).toMatchObject([{ processId, status: 'Aborted', reason: STOPPED }]);
  });
});
