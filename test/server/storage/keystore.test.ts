import { chmodSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { StorageError } from '../../../server/errors/storage.error.js';
import { SIGNING_KEY_ALIAS, loadKeystore, replaceKeystoreEntry } from '../../../server/storage/keystore.js';
import { tempDir } from '../../support/temp-dir.js';

describe('keystore.json', () => {
  it('is generated with mode 0600 and the three keys', () => {
    const dir = tempDir();
    const keystore = loadKeystore(dir);
    expect(statSync(join(dir, 'keystore.json')).mode & 0o777).toBe(0o600);
    expect(keystore.signingKey.length).toBeGreaterThanOrEqual(32);
    expect(keystore.secretEncryptionKey.length).toBe(32);
    expect(keystore.sessionToken.length).toBeGreaterThanOrEqual(40);
  });

  it('keeps its keys across loads, so a restart does not log the designer out', () => {
    const dir = tempDir();
    const first = loadKeystore(dir);
    const second = loadKeystore(dir);
    expect(second.sessionToken).toBe(first.sessionToken);
    expect(Buffer.from(second.signingKey).equals(Buffer.from(first.signingKey))).toBe(true);
  });

  it.skipIf(process.platform === 'win32')('refuses a keystore readable by others, naming the file, and leaves it as it is', () => {
    const dir = tempDir();
    loadKeystore(dir);
    const file = join(dir, 'keystore.json');
    chmodSync(file, 0o644);
    const before = readFileSync(file, 'utf8');
    expect(() => loadKeystore(dir)).toThrow(StorageError);
    expect(() => loadKeystore(dir)).toThrow(/keystore\.json has mode 0644.*chmod 600/);
    expect(readFileSync(file, 'utf8')).toBe(before);
    expect(statSync(file).mode & 0o777).toBe(0o644);
  });

  it('refuses a keystore that is not JSON', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'keystore.json'), 'nope', { mode: 0o600 });
    expect(() => loadKeystore(dir)).toThrow(/not valid JSON/);
  });

  it('gives a replaced signing key a new id', () => {
    const dir = tempDir();
    const before = loadKeystore(dir);
    const after = replaceKeystoreEntry(dir, SIGNING_KEY_ALIAS, Buffer.alloc(32, 7).toString('base64'));
    expect(after.signingKeyId).not.toBe(before.signingKeyId);
    expect(loadKeystore(dir).signingKeyId).toBe(after.signingKeyId);
    expect(after.sessionToken).toBe(before.sessionToken);
  });
});
