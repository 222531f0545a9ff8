import { describe, expect, it } from 'vitest';
import { admin, runningServer } from '../../support/running-server.js';

const flowUsing = (secret: string) => ({
  name: 'Uses Secret',
  api: { allowAnonymous: true },
  nodes: [
    { id: 'in', type: 'apiInput', name: 'In', position: { x: 0, y: 0 } },
    { id: 'c', type: 'calculate', name: 'Calc', position: { x: 200, y: 0 }, config: { attributes: [{ name: 'token', expression: `_datasource.${secret}` }] } },
    { id: 'out', type: 'output', name: 'result', position: { x: 400, y: 0 } },
  ],
  connections: [
    { id: 'c1', from: { node: 'in', point: 'out' }, to: { node: 'c', point: 'in' } },
    { id: 'c2', from: { node: 'c', point: 'out' }, to: { node: 'out', point: 'in' } },
  ],
});

async function withSecurity() {
  const server = await runningServer();
  await admin(server, 'POST', '/applications', { name: 'Demo' });
  expect((await admin(server, 'POST', '/security/users', { name: 'alice' })).status).toBe(201);
  expect((await admin(server, 'POST', '/security/user-groups', { name: 'API Users', users: ['alice'] })).status).toBe(201);
  expect(
    (await admin(server, 'POST', '/security/roles', { name: 'Callers', application: 'Demo', privileges: ['Use API Key'], userGroups: ['API Users'] })).status,
  ).toBe(201);
  return server;
}

describe('admin API: users, groups and roles', () => {
  it('creates them and shows them in the overview with the privileges a role can hold', async () => {
    const server = await withSecurity();
    const overview = await admin(server, 'GET', '/security');
    expect(overview.body).toEqual({
      users: [{ name: 'alice', enabled: true }],
      userGroups: [{ name: 'API Users', users: ['alice'] }],
      roles: [{ name: 'Callers', application: 'Demo', privileges: ['Use API Key'], userGroups: ['API Users'] }],
      secretKeys: [],
      privileges: ['Use API Key'],
    });
  });

  it('refuses a taken name (409), a missing member or application (404) and a bad body (400), each with a message', async () => {
    const server = await withSecurity();
    expect(await admin(server, 'POST', '/security/users', { name: 'alice' })).toMatchObject({ status: 409, body: { message: 'user "alice" already exists' } });
    expect(await admin(server, 'POST', '/security/user-groups', { name: 'G', users: ['nobody'] })).toMatchObject({
      status: 404,
      body: { message: 'user "nobody" does not exist' },
    });
    expect(await admin(server, 'POST', '/security/roles', { name: 'R', application: 'Nope', privileges: ['Use API Key'] })).toMatchObject({
      status: 404,
      body: { message: expect.stringContaining('application "Nope" does not exist') },
    });
    const bad = await admin(server, 'POST', '/security/roles', { name: 'R', privileges: ['Fly'] });
    expect(bad.status).toBe(400);
    expect(bad.body.problems).toEqual([{ path: '$.privileges[0]', message: 'a privilege is one of: Use API Key' }]);
    expect(await admin(server, 'PATCH', '/security/users/nobody', { enabled: false })).toMatchObject({ status: 404 });
  });

  it('disables and enables a user, replaces group members and role settings, and deletes them', async () => {
    const server = await withSecurity();
    expect(await admin(server, 'PATCH', '/security/users/alice', { enabled: false })).toMatchObject({ status: 200, body: { name: 'alice', enabled: false } });
    await admin(server, 'POST', '/security/users', { name: 'bob' });
    expect((await admin(server, 'PUT', '/security/user-groups/API%20Users', { users: ['bob'] })).body).toEqual({ name: 'API Users', users: ['bob'] });
    expect((await admin(server, 'PUT', '/security/roles/Callers', { privileges: ['Use API Key'], userGroups: ['API Users'] })).body).toEqual({
      name: 'Callers',
      privileges: ['Use API Key'],
      userGroups: ['API Users'],
    });
    expect((await admin(server, 'DELETE', '/security/roles/Callers')).status).toBe(204);
    expect((await admin(server, 'DELETE', '/security/user-groups/API%20Users')).status).toBe(204);
    expect((await admin(server, 'DELETE', '/security/users/bob')).status).toBe(204);
    expect((await admin(server, 'GET', '/security')).body).toMatchObject({ users: [{ name: 'alice', enabled: false }], userGroups: [], roles: [] });
  });
});

describe('admin API: API keys', () => {
  it('returns a new key once, then lists its record and never the key', async () => {
    const server = await withSecurity();
    const created = await admin(server, 'POST', '/security/api-keys', { user: 'alice', label: 'CI', expires: '30d' });
    expect(created.status).toBe(201);
    expect(created.body).toEqual({
      key: expect.stringMatching(/^[\w-]+\.[\w-]+\.[\w-]+$/),
      record: expect.objectContaining({ user: 'alice', label: 'CI', status: 'active', lastUsedAt: null, revokedAt: null }),
      warnings: [],
    });
    const listed = await admin(server, 'GET', '/security/api-keys?user=alice');
    expect(listed.body.keys).toEqual([created.body.record]);
    expect(JSON.stringify(listed.body)).not.toContain(created.body.key);
    const exported = await admin(server, 'GET', '/export');
    expect(JSON.stringify(exported.body)).not.toContain(created.body.key);
    expect(JSON.stringify(exported.body)).not.toContain(created.body.record.id);
  });

  it('refuses a key for an unknown user, a bad expiry and an unknown key id', async () => {
    const server = await withSecurity();
    expect(await admin(server, 'POST', '/security/api-keys', { user: 'mallory' })).toMatchObject({
      status: 404,
      body: { message: expect.stringContaining('user "mallory" does not exist') },
    });
    expect(await admin(server, 'POST', '/security/api-keys', { user: 'alice', expires: 'soon' })).toMatchObject({ status: 400 });
    expect(await admin(server, 'POST', '/security/api-keys/nope/revoke')).toMatchObject({ status: 404 });
    expect((await admin(server, 'GET', '/security/api-keys')).body).toEqual({ keys: [] });
  });

  it('revokes a key, and shows every key as "signing key replaced" after a rotation', async () => {
    const server = await withSecurity();
    const first = (await admin(server, 'POST', '/security/api-keys', { user: 'alice' })).body;
    const second = (await admin(server, 'POST', '/security/api-keys', { user: 'alice' })).body;
    expect((await admin(server, 'POST', `/security/api-keys/${first.record.id}/revoke`)).body).toMatchObject({ status: 'revoked' });
    const rotated = await admin(server, 'POST', '/security/signing-key/rotate');
    expect(rotated.body).toEqual({ signingKeyId: expect.any(String), message: expect.stringContaining('every existing API key stops working') });
    const statuses = (await admin(server, 'GET', '/security/api-keys')).body.keys.map((key: { id: string; status: string }) => [key.id, key.status]);
    expect(statuses).toEqual([
      [first.record.id, 'revoked'],
      [second.record.id, 'signing key replaced'],
    ]);
  });

  it('installs a signing key of at least 32 bytes and refuses a shorter one', async () => {
    const server = await withSecurity();
    expect(await admin(server, 'PUT', '/security/signing-key', { value: 'short' })).toMatchObject({
      status: 400,
      body: { problems: [{ path: '$.value', message: 'a signing key has at least 32 bytes' }] },
    });
    expect(await admin(server, 'PUT', '/security/signing-key', { value: 'x'.repeat(32) })).toMatchObject({
      status: 200,
      body: { message: expect.stringContaining('stops working') },
    });
  });
});

describe('admin API: secret keys', () => {
  it('takes values in and never gives them out: not in lists, the overview, replies or exports', async () => {
    const server = await withSecurity();
    const created = await admin(server, 'POST', '/security/secret-keys', { name: 'CrmToken', value: 'crm-value-0123' });
    expect(created).toMatchObject({ status: 201, body: { name: 'CrmToken', enabled: true, hasValue: true } });
    const changed = await admin(server, 'PUT', '/security/secret-keys/CrmToken/value', { value: 'crm-value-4567' });
    expect(changed.body).toEqual({ name: 'CrmToken', enabled: true, hasValue: true });
    const seen = [
      created,
      changed,
      await admin(server, 'GET', '/security'),
      await admin(server, 'GET', '/security/secret-keys'),
      await admin(server, 'GET', '/export'),
    ];
    for (const reply of seen) expect(JSON.stringify(reply.body)).not.toMatch(/crm-value/);
    expect((await admin(server, 'GET', '/export')).body.security.secretKeys).toEqual([{ name: 'CrmToken', enabled: true }]);
  });

  it('refuses an empty value and a value for an unknown key', async () => {
    const server = await withSecurity();
    expect(await admin(server, 'POST', '/security/secret-keys', { name: 'A', value: '' })).toMatchObject({
      status: 400,
      body: { problems: [{ message: 'the value is empty' }] },
    });
    expect(await admin(server, 'PUT', '/security/secret-keys/Nope/value', { value: 'v' })).toMatchObject({
      status: 404,
      body: { message: 'secret key "Nope" does not exist' },
    });
  });

  it('renames a key and rewrites the flows that use it; refuses to delete a used key unless confirmed', async () => {
    const server = await withSecurity();
    await admin(server, 'POST', '/security/secret-keys', { name: 'CrmToken', value: 'crm-value' });
    expect((await admin(server, 'POST', '/applications/Demo/actionflows', flowUsing('CrmToken'))).status).toBe(201);
    const renamed = await admin(server, 'PATCH', '/security/secret-keys/CrmToken', { name: 'Crm Token', enabled: false });
    expect(renamed.body).toEqual({ name: 'Crm Token', enabled: false, hasValue: true });
    const flow = (await admin(server, 'GET', '/applications/Demo/actionflows/Uses%20Secret')).body.flow;
    expect(flow.nodes[1].config.attributes[0].expression).toBe('_datasource.`Crm Token`');
    const references = await admin(server, 'GET', '/security/secret-keys/Crm%20Token/references');
    expect(references.body.references).toEqual([expect.objectContaining({ kind: 'node', node: 'Calc', description: 'node "Calc" in Demo / Uses Secret' })]);
    const refused = await admin(server, 'DELETE', '/security/secret-keys/Crm%20Token');
    expect(refused).toMatchObject({ status: 409, body: { message: expect.stringContaining('node "Calc" in Demo / Uses Secret') } });
    expect((await admin(server, 'DELETE', '/security/secret-keys/Crm%20Token?confirm=true')).status).toBe(204);
    expect((await admin(server, 'GET', '/security/secret-keys')).body).toEqual({ secretKeys: [] });
  });
});
