import { describe, expect, it } from 'vitest';
import { parseExpiry } from '../../../shared/dto/security.dto.js';
import { ApiKeyService } from '../../../server/security/api-key.service.js';
import { manualClock, memoryKeystore, securedStores } from './security-fixture.js';

function setup() {
  const clock = manualClock();
  const stores = securedStores(clock);
  const keystore = memoryKeystore();
  return { clock, stores, keystore, keys: new ApiKeyService(stores, () => keystore.current, clock) };
}

describe('parseExpiry', () => {
  const now = Date.parse('2026-03-01T10:00:00Z');
  it.each([
    ['90m', '2026-03-01T11:30:00.000Z'],
    ['12h', '2026-03-01T22:00:00.000Z'],
    ['30d', '2026-03-31T10:00:00.000Z'],
    ['2w', '2026-03-15T10:00:00.000Z'],
    ['1y', '2027-03-01T10:00:00.000Z'],
    ['2027-01-31', '2027-01-31T23:59:59.999Z'],
    ['2026-04-01T08:00:00+02:00', '2026-04-01T06:00:00.000Z'],
  ])('reads %s', (text, iso) => {
    expect(parseExpiry(text, now)).toEqual({ ok: true, at: new Date(iso) });
  });

  it.each(['30', 'd30', '0d', '30 days', '2027-02-31x', '2026-13-01', 'tomorrow'])('refuses %s, saying what an expiry looks like', (text) => {
    expect(parseExpiry(text, now)).toEqual({ ok: false, message: expect.stringContaining('give a duration such as 30d') });
  });

  it('refuses a date already past', () => {
    expect(parseExpiry('2020-01-01', now)).toEqual({ ok: false, message: expect.stringContaining('already past') });
  });
});

describe('ApiKeyService', () => {
  it('creates a key for a user, recording it without the key itself', async () => {
    const { keys, stores, keystore } = setup();
    const created = await keys.create({ user: 'alice', label: 'CI', expires: '30d' });
    expect(created.key.split('.')).toHaveLength(3);
    expect(created.record).toEqual({
      id: expect.any(String),
      user: 'alice',
      label: 'CI',
      createdAt: '2026-03-01T10:00:00.000Z',
      expiresAt: '2026-03-31T10:00:00.000Z',
      lastUsedAt: null,
      revokedAt: null,
      status: 'active',
    });
    expect(created.warnings).toEqual([]);
    const stored = stores.db.prepare('SELECT * FROM api_keys').all();
    expect(JSON.stringify(stored)).not.toContain(created.key);
    expect(stored).toEqual([expect.objectContaining({ signing_key_id: keystore.current.signingKeyId })]);
  });

  it('refuses a key for an unknown user and a bad expiry, recording nothing', async () => {
    const { keys } = setup();
    await expect(keys.create({ user: 'mallory' })).rejects.toThrow('user "mallory" does not exist; add it first (actionflow users add "mallory")');
    await expect(keys.create({ user: 'alice', expires: 'soon' })).rejects.toThrow(/is not an expiry/);
    expect(keys.list()).toEqual([]);
  });

  it('warns when calls with the new key would be refused', async () => {
    const { keys, stores } = setup();
    stores.security.saveUser({ name: 'bob', enabled: false });
    const { warnings } = await keys.create({ user: 'bob' });
    expect(warnings).toEqual([
      'user "bob" is disabled: calls with this key get 401 until the user is enabled',
      `user "bob" holds "Use API Key" through no role: calls with this key get 403 until a role that lists one of the user's groups grants it`,
    ]);
  });

  it('lists keys with their status: active, expired, revoked, signing key replaced', async () => {
    const { keys, clock, keystore } = setup();
    const expiring = await keys.create({ user: 'alice', expires: '1h' });
    const revoked = await keys.create({ user: 'alice' });
    const bobs = await keys.create({ user: 'bob' });
    expect(keys.revoke(revoked.record.id)).toMatchObject({ alreadyRevoked: false, record: { status: 'revoked', revokedAt: expect.any(String) } });
    expect(keys.revoke(revoked.record.id).alreadyRevoked).toBe(true);
    clock.advance(3_600_000);
    expect(keys.list().map((record) => [record.id, record.status])).toEqual([
      [expiring.record.id, 'expired'],
      [revoked.record.id, 'revoked'],
      [bobs.record.id, 'active'],
    ]);
    expect(keys.list('bob').map((record) => record.id)).toEqual([bobs.record.id]);
    keystore.replaceSigningKey();
    expect(keys.list('bob')[0]!.status).toBe('signing key replaced');
    expect(() => keys.list('nobody')).toThrow('user "nobody" does not exist');
    expect(() => keys.revoke('nope')).toThrow(/API key "nope" does not exist/);
  });
});
