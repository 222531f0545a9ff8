import { randomBytes, randomUUID } from 'node:crypto';
import { chmodSync, existsSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { StorageError } from '../errors/storage.error.js';
import { KEYSTORE_FILE } from './data-folder.js';

/** The alias of the key that signs API keys (PhixFlow's name for it). */
export const SIGNING_KEY_ALIAS = 'phixflow-api-key';
export const SECRET_ENCRYPTION_ALIAS = 'secret-encryption-key';
export const SESSION_TOKEN_ALIAS = 'admin-session-token';
export const MIN_SIGNING_KEY_BYTES = 32;

const entrySchema = z.object({ id: z.string().min(1), value: z.string().min(1), createdAt: z.string() }).strict();
const keystoreFileSchema = z
  .object({
    version: z.literal(1),
    entries: z
      .object({
        [SIGNING_KEY_ALIAS]: entrySchema,
        [SECRET_ENCRYPTION_ALIAS]: entrySchema,
        [SESSION_TOKEN_ALIAS]: entrySchema,
      })
      .strict(),
  })
  .strict();

type KeystoreFile = z.output<typeof keystoreFileSchema>;
type Alias = keyof KeystoreFile['entries'];

/** The keys of a data folder, read from `keystore.json` (mode 0600). */
export interface Keystore {
  /** The HS256 key that signs API keys, and its id (a replaced key gets a new id). */
  readonly signingKey: Uint8Array;
  readonly signingKeyId: string;
  /** The AES-256-GCM key that encrypts secret values. */
  readonly secretEncryptionKey: Uint8Array;
  /** The admin API's session token. */
  readonly sessionToken: string;
}

function newEntry(value: string) {
  return { id: randomUUID(), value, createdAt: new Date().toISOString() };
}

function generated(alias: Alias) {
  if (alias === SESSION_TOKEN_ALIAS) return newEntry(randomBytes(32).toString('base64url'));
  return newEntry(randomBytes(32).toString('base64'));
}

function writeKeystore(file: string, content: KeystoreFile): void {
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, `${JSON.stringify(content, null, 2)}\n`, { mode: 0o600 });
  chmodSync(temporary, 0o600);
  renameSync(temporary, file);
}

function toKeystore(content: KeystoreFile): Keystore {
  const { entries } = content;
  return {
    signingKey: Buffer.from(entries[SIGNING_KEY_ALIAS].value, 'base64'),
    signingKeyId: entries[SIGNING_KEY_ALIAS].id,
    secretEncryptionKey: Buffer.from(entries[SECRET_ENCRYPTION_ALIAS].value, 'base64'),
    sessionToken: entries[SESSION_TOKEN_ALIAS].value,
  };
}

function readKeystoreFile(file: string): KeystoreFile | undefined {
  if (!existsSync(file)) return undefined;
  if (process.platform !== 'win32') {
    const mode = statSync(file).mode & 0o777;
    if ((mode & 0o077) !== 0) {
      throw new StorageError(
        `${file} has mode ${mode.toString(8).padStart(4, '0')}, readable by others; it holds the signing key, so it must be 0600 (run: chmod 600 "${file}")`,
        file,
      );
    }
  }
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    // The parser's message would quote the file, and with it a key.
    throw new StorageError(`${file} is not valid JSON; it was left as it is`, file);
  }
  const partial = z.object({ version: z.literal(1), entries: z.record(z.string(), entrySchema) }).safeParse(raw);
  if (!partial.success) throw new StorageError(`${file} is not a keystore this version understands; it was left as it is`, file);
  return partial.data as unknown as KeystoreFile;
}

/**
 * Loads the keystore of a data folder, generating any missing entry (and the file itself) with mode 0600.
 * A keystore readable by group or others is refused with a message naming the file.
 */
export function loadKeystore(dataDir: string): Keystore {
  const file = join(dataDir, KEYSTORE_FILE);
  const existing = readKeystoreFile(file);
  const entries = { ...(existing?.entries ?? {}) } as Partial<KeystoreFile['entries']>;
  let changed = !existing;
  for (const alias of [SIGNING_KEY_ALIAS, SECRET_ENCRYPTION_ALIAS, SESSION_TOKEN_ALIAS] as const) {
    if (!entries[alias]) {
      entries[alias] = generated(alias);
      changed = true;
    }
  }
  const content = keystoreFileSchema.parse({ version: 1, entries });
  if (changed) writeKeystore(file, content);
  return toKeystore(content);
}

/** Replaces one entry (a new signing key, a rotated session token); returns the new keystore. */
export function replaceKeystoreEntry(dataDir: string, alias: Alias, value: string): Keystore {
  loadKeystore(dataDir);
  const file = join(dataDir, KEYSTORE_FILE);
  const content = readKeystoreFile(file)!;
  const next = keystoreFileSchema.parse({ ...content, entries: { ...content.entries, [alias]: newEntry(value) } });
  writeKeystore(file, next);
  return toKeystore(next);
}

/** The keystore of a running server: re-read when another process may have replaced a key (see `ChangeBus`). */
export class KeystoreHolder {
  private keystore: Keystore;

  constructor(private readonly dataDir: string) {
    this.keystore = loadKeystore(dataDir);
  }

  get current(): Keystore {
    return this.keystore;
  }

  reload(): void {
    this.keystore = loadKeystore(this.dataDir);
  }

  /** Replaces one entry and keeps the new keystore. */
  replace(alias: Alias, value: string): Keystore {
    this.keystore = replaceKeystoreEntry(this.dataDir, alias, value);
    return this.keystore;
  }
}
