import { randomBytes } from 'node:crypto';
import { SignJWT, UnsecuredJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import type { Actionflow } from '../../../shared/schemas/actionflow.schema.js';
import { ApiKeyService } from '../../../server/security/api-key.service.js';
import { apiKeyVerifier, REFUSALS } from '../../../server/security/api-key-verifier.js';
import { FailureLimiter } from '../../../server/security/failure-limiter.js';
import { manualClock, memoryKeystore, securedStores } from './security-fixture.js';

const flow = { name: 'Keyed' } as Actionflow;

function setup() {
  const clock = manualClock();
  const stores = securedStores(clock);
  const keystore = memoryKeystore();
  const waits: number[] = [];
  const limiter = new FailureLimiter(clock, { freeFailures: 2, lockAfter: 5 });
  const verifier = apiKeyVerifier({ stores, keystore, clock, limiter, wait: async (ms) => void waits.push(ms) });
  const keys = new ApiKeyService(stores, () => keystore.current, clock);
  let address = 0;
  // Each call comes from its own address unless the test says otherwise, so the limiter stays out of the way.
  const call = (authorization: string | undefined, application = 'Demo', remoteAddress = `10.0.0.${++address}`) =>
    verifier.authorize({ application, flow, authorization, remoteAddress });
  return { clock, stores, keystore, keys, call, waits };
}

const signed = (payload: Record<string, unknown>, key: Uint8Array, alg = 'HS256') => new SignJWT(payload).setProtectedHeader({ alg }).setIssuedAt().sign(key);

describe('apiKeyVerifier', () => {
  it('accepts a good key bare and as "Bearer <key>", and runs as its user', async () => {
    const { keys, call } = setup();
    const { key } = await keys.create({ user: 'alice' });
    expect(await call(key)).toEqual({ ok: true, user: 'alice' });
    expect(await call(`Bearer ${key}`)).toEqual({ ok: true, user: 'alice' });
    expect(await call(`bearer   ${key}`)).toEqual({ ok: true, user: 'alice' });
  });

  it('refuses a call without a key with 401 saying where the key goes', async () => {
    const { call } = setup();
    expect(await call(undefined)).toEqual({ ok: false, status: 401, message: REFUSALS.missing });
    expect(await call('Bearer ')).toMatchObject({ status: 401, message: REFUSALS.missing });
  });

  it('refuses forged tokens: alg none, HS512 with the right key, a wrong key, a tampered signature', async () => {
    const { keys, keystore, call } = setup();
    const { key, record } = await keys.create({ user: 'alice' });
    const claims = { sub: 'alice', jti: record.id };
    const forgeries = [
      new UnsecuredJWT(claims).encode(),
      await signed(claims, keystore.current.signingKey, 'HS512'),
      await signed(claims, randomBytes(32)),
      `${key.slice(0, -4)}${key.slice(-4) === 'AAAA' ? 'BBBB' : 'AAAA'}`,
      `${key.split('.').slice(0, 2).join('.')}.`,
      'not-a-jwt',
    ];
    for (const forged of forgeries) expect(await call(forged)).toEqual({ ok: false, status: 401, message: REFUSALS.invalid });
  });

  it('refuses a validly signed token that has no key record, or names another user than its record', async () => {
    const { keys, keystore, call } = setup();
    const { record } = await keys.create({ user: 'alice' });
    expect(await call(await signed({ sub: 'alice', jti: 'made-up' }, keystore.current.signingKey))).toMatchObject({ status: 401, message: REFUSALS.invalid });
    expect(await call(await signed({ sub: 'bob', jti: record.id }, keystore.current.signingKey))).toMatchObject({ status: 401, message: REFUSALS.invalid });
    expect(await call(await signed({ sub: 'alice' }, keystore.current.signingKey))).toMatchObject({ status: 401, message: REFUSALS.invalid });
  });

  it('refuses an expired key by its exp claim and by its record', async () => {
    const { keys, clock, call } = setup();
    const { key } = await keys.create({ user: 'alice', expires: '1h' });
    expect(await call(key)).toMatchObject({ ok: true });
    clock.advance(3_600_001);
    expect(await call(key)).toEqual({ ok: false, status: 401, message: REFUSALS.expired });
  });

  it('refuses a revoked key and a key of a disabled user, and accepts the key again once the user is enabled', async () => {
    const { keys, stores, call } = setup();
    const first = await keys.create({ user: 'alice' });
    const second = await keys.create({ user: 'alice' });
    keys.revoke(first.record.id);
    expect(await call(first.key)).toEqual({ ok: false, status: 401, message: REFUSALS.revoked });
    stores.security.saveUser({ name: 'alice', enabled: false });
    expect(await call(second.key)).toEqual({ ok: false, status: 401, message: REFUSALS.disabled });
    stores.security.saveUser({ name: 'alice', enabled: true });
    expect(await call(second.key)).toEqual({ ok: true, user: 'alice' });
  });

  it('refuses every key signed before the signing key was replaced', async () => {
    const { keys, keystore, call } = setup();
    const before = await keys.create({ user: 'alice' });
    const sameBytes = keystore.current.signingKey;
    keystore.replaceSigningKey(sameBytes);
    // Even the same bytes installed again count as a new key: the record names the key it was signed with.
    expect(await call(before.key)).toMatchObject({ status: 401, message: REFUSALS.invalid });
    keystore.replaceSigningKey();
    expect(await call(before.key)).toMatchObject({ status: 401, message: REFUSALS.invalid });
    const after = await keys.create({ user: 'alice' });
    expect(await call(after.key)).toEqual({ ok: true, user: 'alice' });
  });

  it('answers 403 when the user holds no role with "Use API Key" for the application, and follows role changes', async () => {
    const { keys, stores, call } = setup();
    const alice = await keys.create({ user: 'alice' });
    const bob = await keys.create({ user: 'bob' });
    expect(await call(alice.key, 'Other')).toEqual({
      ok: false,
      status: 403,
      message: 'user "alice" does not hold "Use API Key" for application "Other"',
      user: 'alice',
    });
    expect(await call(bob.key, 'Demo')).toMatchObject({ ok: false, status: 403 });
    stores.security.saveRole({ name: 'Callers', privileges: ['Use API Key'], userGroups: ['API Users'] });
    expect(await call(alice.key, 'Other')).toEqual({ ok: true, user: 'alice' });
    stores.security.saveRole({ name: 'Callers', privileges: [], userGroups: ['API Users'] });
    expect(await call(alice.key, 'Demo')).toMatchObject({ ok: false, status: 403 });
  });

  it('slows repeated failures from one address, then answers 429 with Retry-After to failing keys only, while other addresses go on', async () => {
    const { keys, call, waits, clock } = setup();
    const { key } = await keys.create({ user: 'alice' });
    const statuses = [];
    for (let i = 0; i < 5; i++) {
      const outcome = await call('wrong', 'Demo', '192.0.2.7');
      statuses.push(outcome.ok ? 200 : outcome.status);
    }
    expect(statuses).toEqual([401, 401, 401, 401, 429]);
    expect(waits).toEqual([250, 500]);
    const locked = await call('wrong', 'Demo', '192.0.2.7');
    expect(locked).toEqual({ ok: false, status: 429, message: expect.stringContaining('try again in 60 s'), retryAfterSeconds: 60 });
    expect(await call(key, 'Demo', '192.0.2.7')).toEqual({ ok: true, user: 'alice' });
    expect(await call('wrong', 'Demo', '192.0.2.8')).toMatchObject({ ok: false, status: 401 });
    clock.advance(60_001);
    expect(await call('wrong', 'Demo', '192.0.2.7')).toMatchObject({ ok: false, status: 401 });
  });

  it('records when a key was last used, to the minute, without writing on every call', async () => {
    const { keys, stores, clock, call } = setup();
    const { key, record } = await keys.create({ user: 'alice' });
    expect(stores.security.findApiKey(record.id)!.lastUsedAt).toBeNull();
    await call(key);
    const first = stores.security.findApiKey(record.id)!.lastUsedAt;
    expect(first).toBe(new Date(clock.now()).toISOString());
    clock.advance(30_000);
    await call(key);
    expect(stores.security.findApiKey(record.id)!.lastUsedAt).toBe(first);
    clock.advance(30_000);
    await call(key);
    expect(stores.security.findApiKey(record.id)!.lastUsedAt).toBe(new Date(clock.now()).toISOString());
  });
});
