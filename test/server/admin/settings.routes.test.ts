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
