import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { decryptSecretValue, encryptSecretValue } from '../../../server/security/secret-cipher.js';
import { SecretVault } from '../../../server/security/secret-vault.js';
import { memoryStores } from '../../support/memory-stores.js';

function vault(key: Uint8Array = randomBytes(32)) {
  const stores = memoryStores();
  let current = key;
  return { stores, vault: new SecretVault(stores.security, stores.bus, () => current), useKey: (next: Uint8Array) => void (current = next) };
}

describe('secret values', () => {
  it('round-trips a value through AES-256-GCM, with a fresh IV each time', () => {
    const key = randomBytes(32);
    const a = encryptSecretValue('s3cret ✓', key);
    const b = encryptSecretValue('s3cret ✓', key);
    expect(a.equals(b)).toBe(false);
    expect(decryptSecretValue(a, key)).toBe('s3cret ✓');
    expect(decryptSecretValue(a, randomBytes(32))).toBeUndefined();
    const tampered = Buffer.from(a);
    tampered[tampered.length - 1]! ^= 1;
    expect(decryptSecretValue(tampered, key)).toBeUndefined();
  });

  it('stores only ciphertext in studio.db', () => {
    const { stores, vault: secrets } = vault();
    secrets.setValue('CrmToken', 'plain-value-123');
    const row = stores.db.prepare('SELECT * FROM secret_keys').get() as Record<string, unknown>;
    expect(JSON.stringify(row)).not.toContain('plain-value-123');
    expect(Buffer.from(row.value_cipher as Buffer).includes('plain-value-123')).toBe(false);
    expect(secrets.valueOf('CrmToken')).toBe('plain-value-123');
  });

  it('refuses an unknown, a disabled and a valueless key with a message naming the key', () => {
    const { stores, vault: secrets } = vault();
    expect(() => secrets.valueOf('Nope')).toThrow('secret key "Nope" is unknown');
    stores.security.saveSecretKey({ name: 'Empty', enabled: true });
    expect(() => secrets.valueOf('Empty')).toThrow(/secret key "Empty" has no value/);
    secrets.setValue('Off', 'off-value');
    expect(secrets.valueOf('Off')).toBe('off-value');
    stores.security.saveSecretKey({ name: 'Off', enabled: false });
    expect(() => secrets.valueOf('Off')).toThrow('secret key "Off" is disabled');
  });

  it('says so, without the value, when the keystore no longer decrypts a value', () => {
    const { vault: secrets, useKey } = vault();
    secrets.setValue('CrmToken', 'the-value');
    useKey(randomBytes(32));
    expect(() => secrets.valueOf('CrmToken')).toThrow(/cannot be decrypted .*set its value again/);
    expect(() => secrets.valueOf('CrmToken')).not.toThrow(/the-value/);
  });

  it('follows a value changed by another process once the change is announced', () => {
    const { stores, vault: secrets } = vault();
    secrets.setValue('CrmToken', 'first');
    expect(secrets.valueOf('CrmToken')).toBe('first');
    stores.db.prepare("UPDATE secret_keys SET enabled = 0 WHERE name = 'CrmToken'").run();
    expect(secrets.valueOf('CrmToken')).toBe('first');
    stores.bus.notifyAll();
    expect(() => secrets.valueOf('CrmToken')).toThrow(/disabled/);
  });

  it('knows every stored value, enabled or not, for masking, and follows changes', () => {
    const { stores, vault: secrets } = vault();
    secrets.setValue('A', 'alpha-secret');
    secrets.setValue('B', 'beta-secret');
    stores.security.saveSecretKey({ name: 'B', enabled: false });
    stores.security.saveSecretKey({ name: 'Empty', enabled: true });
    expect([...secrets.knownValues()].sort()).toEqual(['alpha-secret', 'beta-secret']);
    secrets.setValue('A', 'gamma-secret');
    expect([...secrets.knownValues()].sort()).toEqual(['beta-secret', 'gamma-secret']);
  });
});
