import { describe, expect, it } from 'vitest';
import { admin, runningServer } from '../../support/running-server.js';

describe('GET /settings', () => {
  it('answers the defaults on a new data folder', async () => {
    const server = await runningServer();
    const { status, body } = await admin(server, 'GET', '/settings');
    expect(status).toBe(200);
    expect(body).toMatchObject({ instance: 'phixflow', publicBaseUrl: null, port: 8080 });
  });

  it('answers what is stored, such as a public base URL', async () => {
    const server = await runningServer();
    server.stores.settings.update({ publicBaseUrl: 'https://api.example.com/base', instance: 'acme' });
    const { body } = await admin(server, 'GET', '/settings');
    expect(body).toMatchObject({ instance: 'acme', publicBaseUrl: 'https://api.example.com/base' });
  });

  it('answers 401 without the session token', async () => {
    const server = await runningServer();
    const response = await fetch(`${server.url}/_studio/api/v1/settings`);
    expect(response.status).toBe(401);
  });
});

describe('PATCH /settings', () => {
  it('changes the named settings, keeps the others, and answers the whole set', async () => {
    const server = await runningServer();
    server.stores.settings.update({ instance: 'acme' });
    const { status, body } = await admin(server, 'PATCH', '/settings', { port: 9090, publicBaseUrl: 'https://api.example.com' });
    expect(status).toBe(200);
    expect(body).toMatchObject({ port: 9090, publicBaseUrl: 'https://api.example.com', instance: 'acme', maxTimeoutMs: 3_600_000 });
    expect((await admin(server, 'GET', '/settings')).body).toMatchObject({ port: 9090, instance: 'acme' });
  });

  it('clears the public base URL with null', async () => {
    const server = await runningServer();
    server.stores.settings.update({ publicBaseUrl: 'https://api.example.com' });
    const { body } = await admin(server, 'PATCH', '/settings', { publicBaseUrl: null });
    expect(body.publicBaseUrl).toBeNull();
  });

  it('returns 400 naming each bad value by its path, and changes nothing', async () => {
    const server = await runningServer();
    const { status, body } = await admin(server, 'PATCH', '/settings', {
      port: 70_000,
      publicBaseUrl: 'ftp://files.example.com',
      instance: '_studio',
      colour: 'red',
    });
    expect(status).toBe(400);
    const paths = body.problems.map((problem: { path: string }) => problem.path);
    expect(paths).toEqual(expect.arrayContaining(['$.port', '$.publicBaseUrl', '$.instance', '$']));
    expect(body.problems.find((problem: { path: string }) => problem.path === '$').message).toContain('colour');
    expect((await admin(server, 'GET', '/settings')).body).toMatchObject({ port: 8080, publicBaseUrl: null, instance: 'phixflow' });
  });

  it('returns 400 when the body names no setting', async () => {
    const server = await runningServer();
    const { status, body } = await admin(server, 'PATCH', '/settings', {});
    expect(status).toBe(400);
    expect(body.message).toContain('at least one setting');
  });

  it('moves the incoming API to a new instance name at the next request', async () => {
    const server = await runningServer();
    const before = await fetch(`${server.url}/acme/api/1/action/Demo/Nothing/trigger`);
    expect((await before.json()).message).toContain('no instance "acme"');
    await admin(server, 'PATCH', '/settings', { instance: 'acme' });
    const after = await fetch(`${server.url}/acme/api/1/action/Demo/Nothing/trigger`);
    expect(after.status).toBe(404);
    expect((await after.json()).message).not.toContain('no instance');
    expect((await (await fetch(`${server.url}/phixflow/api/1/action/Demo/Nothing/trigger`)).json()).message).toContain('no instance "phixflow"');
  });

  it('answers 401 without the session token', async () => {
    const server = await runningServer();
    const response = await fetch(`${server.url}/_studio/api/v1/settings`, {
      method: 'PATCH',
      headers: { 'content-type': 'application/json' },
      body: '{"port":9000}',
    });
    expect(response.status).toBe(401);
    expect((await admin(server, 'GET', '/settings')).body.port).toBe(8080);
  });
});
