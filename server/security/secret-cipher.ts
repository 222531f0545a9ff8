import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

/** Layout of a stored value: version byte, 12-byte IV, 16-byte GCM tag, then the ciphertext. */
const FORMAT_VERSION = 1;
const IV_BYTES = 12;
const TAG_BYTES = 16;
const HEADER_BYTES = 1 + IV_BYTES + TAG_BYTES;
/** Binds every ciphertext to its purpose, so nothing else encrypted under the same key can pass for a secret value. */
const ASSOCIATED_DATA = Buffer.from('actionflow secret value v1');

/** Encrypts a secret value with AES-256-GCM under `key` (32 bytes) and a fresh random IV. */
export function encryptSecretValue(value: string, key: Uint8Array): Buffer {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_BYTES });
  cipher.setAAD(ASSOCIATED_DATA);
  const encrypted = Buffer.concat([cipher.update(value, 'utf8'), cipher.final()]);
  return Buffer.concat([Buffer.from([FORMAT_VERSION]), iv, cipher.getAuthTag(), encrypted]);
}

/** Decrypts what `encryptSecretValue` made; undefined when the key is not the one it was encrypted under or the bytes were altered. */
export function decryptSecretValue(stored: Uint8Array, key: Uint8Array): string | undefined {
  const bytes = Buffer.from(stored);
  if (bytes.length < HEADER_BYTES || bytes[0] !== FORMAT_VERSION) return undefined;
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, bytes.subarray(1, 1 + IV_BYTES), { authTagLength: TAG_BYTES });
    decipher.setAAD(ASSOCIATED_DATA);
    decipher.setAuthTag(bytes.subarray(1 + IV_BYTES, HEADER_BYTES));
    return Buffer.concat([decipher.update(bytes.subarray(HEADER_BYTES)), decipher.final()]).toString('utf8');
  } catch {
    return undefined;
  }
}
