import type { ChangeBus } from '../storage/change-bus.js';
import type { SecurityStore } from '../storage/security.store.js';
import { decryptSecretValue, encryptSecretValue } from './secret-cipher.js';
import type { SecretResolver } from './secret-resolver.js';

/**
 * The values of secret keys: encrypted in studio.db under the keystore's secret-encryption key,
 * decrypted on demand and kept in memory until the security data changes (here or in another process).
 */
export class SecretVault implements SecretResolver {
  private readonly decrypted = new Map<string, string>();
  private everyValue: string[] | undefined;

  constructor(
    private readonly security: SecurityStore,
    bus: ChangeBus,
    private readonly encryptionKey: () => Uint8Array,
  ) {
    bus.subscribe((kind) => {
      if (kind !== 'security') return;
      this.decrypted.clear();
      this.everyValue = undefined;
    });
  }

  /** The value of an enabled secret key; throws an Error naming the key (never its value) when there is none to give. */
  valueOf(name: string): string {
    const cached = this.decrypted.get(name);
    if (cached !== undefined) return cached;
    const stored = this.security.secretCipher(name);
    if (!stored) throw new Error(`secret key "${name}" is unknown`);
    if (!stored.enabled) throw new Error(`secret key "${name}" is disabled`);
    if (!stored.cipher) throw new Error(`secret key "${name}" has no value; set one in the designer's admin screens or with: actionflow secrets set "${name}"`);
    const value = decryptSecretValue(stored.cipher, this.encryptionKey());
    if (value === undefined) {
      throw new Error(`secret key "${name}" cannot be decrypted with this data folder's keystore (was keystore.json replaced?); set its value again`);
    }
    this.decrypted.set(name, value);
    return value;
  }

  /** Every stored value that this keystore can decrypt, enabled or not: what must never be shown. */
  knownValues(): string[] {
    this.everyValue ??= this.security
      .secretCiphers()
      .map((row) => decryptSecretValue(row.cipher, this.encryptionKey()))
      .filter((value): value is string => value !== undefined && value !== '');
    return this.everyValue;
  }

  /** Encrypts and stores a value, creating the secret key (enabled) when it does not exist. */
  setValue(name: string, value: string): void {
    this.security.setSecretCipher(name, encryptSecretValue(value, this.encryptionKey()));
  }
}
