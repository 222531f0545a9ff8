import { describe, expect, it } from 'vitest';
import { keyedServer, trigger } from './http-calls.js';
import { admin } from '../../support/running-server.js';

/** Try it's test keys (POST /security/test-keys): a key that can call the endpoint, or a refusal that says why not. */
describe('admin API: test keys for Try it', () => {
  it('sets up the tester for the flow’s application, returns a key that calls the endpoint, and lists it with a 7-day expiry', async () => {
    const { server } = await keyedServer();
    const created = await admin(server, 'POST', '/security/test-keys', { application: 'Other', actionflow: 'Keyed' });
    expect(created.status).toBe(201);
    expect(created.body.setUp).toEqual(['user "tester"', 'user group "Testers"', 'role "Try it: Other"']);
    expect(created.body.warnings).toEqual([]);
    expect(created.body.record).toMatchObject({ user: 'tester', label: 'Try it: Other/Keyed', status: 'active' });
    const days = (Date.parse(created.body.record.expiresAt) - Date.parse(created.body.record.createdAt)) / 86_400_000;
    expect(days).toBe(7);

    expect((await trigger(server, 'Other', 'Keyed', `Bearer ${created.body.key}`)).status).toBe(200);
    // The role covers that application only.
    expect((await trigger(server, 'Demo', 'Keyed', created.body.key)).status).toBe(403);

    const again = await admin(server, 'POST', '/security/test-keys', { application: 'Demo', actionflow: 'Keyed' });
    expect(again.body.setUp).toEqual(['role "Try it: Demo"']);
    expect((await trigger(server, 'Demo', 'Keyed', again.body.key)).status).toBe(200);
    const overview = await admin(server, 'GET', '/security');
    expect(overview.body.userGroups).toContainEqual({ name: 'Testers', users: ['tester'] });
  });

  it('makes a key for a chosen user who may call the endpoint, setting nothing up', async () => {
    const { server } = await keyedServer();
    const created = await admin(server, 'POST', '/security/test-keys', { application: 'Demo', actionflow: 'Keyed', user: 'alice' });
    expect(created).toMatchObject({ status: 201, body: { setUp: [], record: { user: 'alice', label: 'Try it: Demo/Keyed' } } });
    expect((await trigger(server, 'Demo', 'Keyed', created.body.key)).status).toBe(200);
  });

  it('refuses a user without the key right there (403), a disabled or unknown user, an unknown flow, a flow that is not an endpoint and a bad body, creating no key', async () => {
    const { server } = await keyedServer();
    expect(await admin(server, 'POST', '/security/test-keys', { application: 'Other', actionflow: 'Keyed', user: 'alice' })).toMatchObject({
      status: 403,
      body: { message: expect.stringContaining('user "alice" may not call endpoints of "Other": no role grants them "Use API Key" there') },
    });
    await admin(server, 'PATCH', '/security/users/alice', { enabled: false });
    expect(await admin(server, 'POST', '/security/test-keys', { application: 'Demo', actionflow: 'Keyed', user: 'alice' })).toMatchObject({
      status: 409,
      body: { message: 'user "alice" is disabled: enable it in Admin › Users, or choose another user' },
    });
    expect(await admin(server, 'POST', '/security/test-keys', { application: 'Demo', actionflow: 'Keyed', user: 'nobody' })).toMatchObject({ status: 404 });
    expect(await admin(server, 'POST', '/security/test-keys', { application: 'Demo', actionflow: 'Nope' })).toMatchObject({ status: 404 });
    expect((await admin(server, 'POST', '/security/test-keys', { application: 'Demo' })).status).toBe(400);
    expect((await admin(server, 'POST', '/applications/Demo/actionflows', { name: 'Plain', nodes: [], connections: [] })).status).toBe(201);
    expect(await admin(server, 'POST', '/security/test-keys', { application: 'Demo', actionflow: 'Plain' })).toMatchObject({
      status: 400,
      body: { message: '"Plain" is not an API endpoint: turn on API endpoint in its settings and save first' },
    });
    expect((await admin(server, 'GET', '/security/api-keys')).body.keys).toHaveLength(1);
    expect(await trigger(server, 'Demo', 'Keyed')).toMatchObject({ status: 401 });
  });

  it('adds the tester to an existing Testers group, and refuses a disabled tester (409) without a key', async () => {
    const { server } = await keyedServer();
    await admin(server, 'POST', '/security/user-groups', { name: 'Testers', users: ['alice'] });
    const created = await admin(server, 'POST', '/security/test-keys', { application: 'Other', actionflow: 'Keyed' });
    expect(created.body.setUp).toEqual(['user "tester"', '"tester" in user group "Testers"', 'role "Try it: Other"']);
    expect((await admin(server, 'GET', '/security')).body.userGroups).toContainEqual({ name: 'Testers', users: ['alice', 'tester'] });

    await admin(server, 'PATCH', '/security/users/tester', { enabled: false });
    expect(await admin(server, 'POST', '/security/test-keys', { application: 'Other', actionflow: 'Keyed' })).toMatchObject({
      status: 409,
      body: { message: 'user "tester" is disabled: enable it in Admin › Users, or choose another user' },
    });
    expect((await admin(server, 'GET', '/security/api-keys?user=tester')).body.keys).toHaveLength(1);
  });
});
