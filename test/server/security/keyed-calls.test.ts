import { randomBytes } from 'node:crypto';
import { SignJWT, UnsecuredJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import { loadKeystore } from '../../../server/storage/keystore.js';
import {
  adminCall,
  adminKey,
  cli,
  cliKey,
  createdKeys,
  keyedServer,
  keystoreSecrets,
  leaksOf,
  refused,
  rememberKeystore,
  trigger,
  watchConsole,
} from './http-calls.js';

/** Keyed endpoints over real HTTP, with the CLI (its own connection to studio.db) changing things while the server runs. */
watchConsole();

describe('keyed endpoints over HTTP', () => {
  it('run for a good key sent bare and as "Bearer <key>", and record when the key was last used', async () => {
    const { server, key } = await keyedServer();
    for (const authorization of [key, `Bearer ${key}`]) {
      const reply = await trigger(server, 'Demo', 'Keyed', authorization);
      expect(reply.status).toBe(200);
      expect(reply.body).toMatchObject({ status: 'Success', data: { result: [expect.any(Object)] } });
      expect(reply.body.data.result[0].headers.authorization).toBeUndefined();
    }
    const [record] = (await adminCall(server, 'GET', '/security/api-keys')).body.keys;
    expect(record).toMatchObject({ status: 'active', lastUsedAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/) });
  });

  it('answer 401 without a key', async () => {
    const { server } = await keyedServer();
    expect(await trigger(server, 'Demo', 'Keyed')).toMatchObject(
      refused(401, 'this endpoint needs an API key in the Authorization header, bare or as "Bearer <key>"'),
    );
  });

  it('refuse forged keys with 401: alg none, HS512, a wrong key, an expired key, a tampered signature', async () => {
    const { server, key, id } = await keyedServer();
    const { signingKey } = loadKeystore(server.dataDir);
    const claims = { sub: 'alice', jti: id };
    const sign = (alg: string, secret: Uint8Array) => new SignJWT(claims).setProtectedHeader({ alg }).setIssuedAt().sign(secret);
    const [header, payload, signature] = key.split('.') as [string, string, string];
    const flipped = `${signature.slice(0, -2)}${signature.endsWith('AA') ? 'BB' : 'AA'}`;
    const forged = {
      'alg none': new UnsecuredJWT(claims).encode(),
      HS512: await sign('HS512', signingKey),
      'a wrong key': await sign('HS256', randomBytes(32)),
      'a tampered signature': `${header}.${payload}.${flipped}`,
      'a tampered payload': `${header}.${Buffer.from(JSON.stringify({ ...claims, sub: 'admin' })).toString('base64url')}.${signature}`,
    };
    for (const [what, token] of Object.entries(forged)) {
      expect({ what, ...(await trigger(server, 'Demo', 'Keyed', `Bearer ${token}`)) }).toMatchObject({ what, ...refused(401, 'the API key is not valid') });
    }
    const expired = await new SignJWT(claims).setProtectedHeader({ alg: 'HS256' }).setIssuedAt(1_700_000_000).setExpirationTime(1_700_000_060).sign(signingKey);
    expect(await trigger(server, 'Demo', 'Keyed', expired)).toMatchObject(refused(401, 'the API key has expired'));
  });

  it('refuse a key revoked through the CLI from the very next call', async () => {
    const { server, key, id } = await keyedServer();
    expect((await trigger(server, 'Demo', 'Keyed', key)).status).toBe(200);
    await cli(server, ['keys', 'revoke', id]);
    expect(await trigger(server, 'Demo', 'Keyed', key)).toMatchObject(refused(401, 'the API key has been revoked'));
  });

  it('refuse the keys of a user disabled through the CLI, and accept them again once enabled', async () => {
    const { server, key } = await keyedServer();
    const cliMade = await cliKey(server, 'alice');
    expect((await trigger(server, 'Demo', 'Keyed', cliMade)).status).toBe(200);
    await cli(server, ['users', 'disable', 'alice']);
    expect(await trigger(server, 'Demo', 'Keyed', key)).toMatchObject(refused(401, "the API key's user is disabled"));
    expect(await trigger(server, 'Demo', 'Keyed', cliMade)).toMatchObject(refused(401, "the API key's user is disabled"));
    await cli(server, ['users', 'enable', 'alice']);
    expect((await trigger(server, 'Demo', 'Keyed', key)).status).toBe(200);
  });

  it('refuse every existing key once the CLI rotates or sets the signing key; new keys work', async () => {
    const { server, key } = await keyedServer();
    expect((await cli(server, ['keystore', 'rotate-signing-key'])).stdout).toContain('every existing API key stops working');
    rememberKeystore(server);
    expect(await trigger(server, 'Demo', 'Keyed', key)).toMatchObject(refused(401, 'the API key is not valid'));
    const afterRotation = await cliKey(server, 'alice');
    expect((await trigger(server, 'Demo', 'Keyed', afterRotation)).status).toBe(200);
    await cli(server, ['keystore', 'set-signing-key'], randomBytes(48).toString('base64'));
    rememberKeystore(server);
    expect(await trigger(server, 'Demo', 'Keyed', afterRotation)).toMatchObject(refused(401, 'the API key is not valid'));
    const viaAdmin = await adminKey(server, 'alice');
    expect((await trigger(server, 'Demo', 'Keyed', viaAdmin.key)).status).toBe(200);
  });

  it("follow the application scope of roles: 403 outside the role's application until a role covers it", async () => {
    const { server, key } = await keyedServer();
    expect((await trigger(server, 'Demo', 'Keyed', key)).status).toBe(200);
    expect(await trigger(server, 'Other', 'Keyed', key)).toMatchObject(refused(403, 'user "alice" does not hold "Use API Key" for application "Other"'));
    await cli(server, ['roles', 'add', 'Other Callers', '--privilege', 'Use API Key', '--group', 'API Users', '--application', 'Other']);
    expect((await trigger(server, 'Other', 'Keyed', key)).status).toBe(200);
  });

  it('answer 429 with Retry-After after repeated failures from one address, to missing and failing keys only: a valid key from that address still runs', async () => {
    const { server, key } = await keyedServer();
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 10; attempt++) statuses.push((await trigger(server, 'Demo', 'Keyed', 'Bearer wrong', '127.0.0.3')).status);
    expect(statuses).toEqual([401, 401, 401, 401, 401, 401, 401, 401, 401, 429]);
    for (const failing of ['Bearer wrong', undefined]) {
      const locked = await trigger(server, 'Demo', 'Keyed', failing, '127.0.0.3');
      expect(locked).toMatchObject({ status: 429, body: { status: 'Fail', message: expect.stringContaining('too many failed API key checks') } });
      expect(Number(locked.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    }
    expect((await trigger(server, 'Demo', 'Keyed', key, '127.0.0.3')).status).toBe(200);
    expect(await trigger(server, 'Other', 'Keyed', key, '127.0.0.3')).toMatchObject(
      refused(403, 'user "alice" does not hold "Use API Key" for application "Other"'),
    );
    expect((await trigger(server, 'Demo', 'Keyed', 'Bearer wrong', '127.0.0.4')).status).toBe(401);
  });
});

describe('what the suite produced', () => {
  it('holds no API key, session token or keystore key in any reply, export, CLI output or console line, save the reply that created the key', () => {
    expect(createdKeys.length).toBeGreaterThan(5);
    expect(keystoreSecrets.length).toBeGreaterThan(20);
    expect(leaksOf([...createdKeys, ...createdKeys.map((key) => key.split('.')[2]!), ...keystoreSecrets])).toEqual([]);
  });
});
