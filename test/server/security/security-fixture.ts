import { randomBytes } from 'node:crypto';
import type { Clock } from '../../../server/clock.js';
import type { Keystore } from '../../../server/storage/keystore.js';
import type { Stores } from '../../../server/storage/stores.js';
import { memoryStores } from '../../support/memory-stores.js';

/** A clock the test moves by hand. */
export function manualClock(start = Date.parse('2026-03-01T10:00:00Z')): Clock & { advance(ms: number): void; set(ms: number): void } {
  let now = start;
  return { now: () => now, advance: (ms) => void (now += ms), set: (ms) => void (now = ms) };
}

/** A keystore held in memory, whose signing key a test can replace. */
export function memoryKeystore(): { current: Keystore; replaceSigningKey(key?: Uint8Array): void } {
  const holder = {
    current: { signingKey: randomBytes(32), signingKeyId: 'signing-1', secretEncryptionKey: randomBytes(32), sessionToken: 'session' } as Keystore,
    replaceSigningKey(key: Uint8Array = randomBytes(32)) {
      holder.current = { ...holder.current, signingKey: key, signingKeyId: `signing-${Math.random()}` };
    },
  };
  return holder;
}

/**
 * Applications Demo and Other; user alice in group "API Users", which role "Callers" grants
 * `Use API Key` for Demo only; user bob in no group.
 */
export function securedStores(clock: Clock): Stores {
  const stores = memoryStores(clock);
  stores.applications.create('Demo');
  stores.applications.create('Other');
  stores.security.saveUser({ name: 'alice', enabled: true });
  stores.security.saveUser({ name: 'bob', enabled: true });
  stores.security.saveUserGroup({ name: 'API Users', users: ['alice'] });
  stores.security.saveRole({ name: 'Callers', application: 'Demo', privileges: ['Use API Key'], userGroups: ['API Users'] });
  return stores;
}
