import { randomBytes } from 'node:crypto';
import { MIN_SIGNING_KEY_BYTES, type SigningKeyChange } from '../../shared/dto/security.dto.js';
import { ValidationError } from '../errors/validation.error.js';
import { SIGNING_KEY_ALIAS, type Keystore } from '../storage/keystore.js';
import type { SecurityStore } from '../storage/security.store.js';

/** Replaces one keystore entry with a base64 value: `KeystoreHolder.replace` in the server, `replaceKeystoreEntry` in the CLI. */
export type ReplaceSigningKey = (alias: typeof SIGNING_KEY_ALIAS, base64Value: string) => Keystore;

/** What every change of signing key means for the keys already handed out. */
export const SIGNING_KEY_WARNING = 'every existing API key stops working now; create new ones with: actionflow keys create --user NAME';

/**
 * Installs `key` as the signing key of API keys (at least 32 bytes). The keystore file changes
 * first, then studio.db records the new key's id, which makes a running server re-read the keystore.
 */
export function installSigningKey(replace: ReplaceSigningKey, security: SecurityStore, key: Uint8Array): SigningKeyChange {
  if (key.length < MIN_SIGNING_KEY_BYTES) {
    throw new ValidationError(
      `a signing key needs at least ${MIN_SIGNING_KEY_BYTES} bytes; this one has ${key.length} (generate one with: openssl rand -base64 48)`,
    );
  }
  const keystore = replace(SIGNING_KEY_ALIAS, Buffer.from(key).toString('base64'));
  security.recordSigningKey(keystore.signingKeyId);
  return { signingKeyId: keystore.signingKeyId, message: `signing key replaced: ${SIGNING_KEY_WARNING}` };
}

/** Installs a freshly generated random signing key (32 bytes). */
export function rotateSigningKey(replace: ReplaceSigningKey, security: SecurityStore): SigningKeyChange {
  return installSigningKey(replace, security, randomBytes(MIN_SIGNING_KEY_BYTES));
}
