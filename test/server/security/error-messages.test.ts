import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadKeystore } from '../../../server/storage/keystore.js';
import { admin, runningServer } from '../../support/running-server.js';
import { tempDir } from '../../support/temp-dir.js';

describe('error messages that could quote what they refuse', () => {
  it('refuse a malformed admin body with 400 without quoting it, so a secret value typed into it is not echoed', async () => {
    const server = await runningServer();
    for (const body of ['{"value": hunter2-typed-secret}', '{"value": "hunter2-typed-secret"', 'hunter2-typed-secret']) {
      const reply = await admin(server, 'PUT', '/security/secret-keys/CrmToken/value', body);
      expect(reply.status).toBe(400);
      expect(reply.body.message).toMatch(/^the request body is not valid JSON/);
      expect(JSON.stringify(reply.body)).not.toContain('hunter2');
    }
  });

  it('refuse a damaged keystore.json without quoting any of it', () => {
    const dir = tempDir();
    loadKeystore(dir);
    const file = join(dir, 'keystore.json');
    const text = readFileSync(file, 'utf8');
    writeFileSync(file, text.slice(0, text.length - 40), { mode: 0o600 });
    const signingKey = JSON.parse(text).entries['phixflow-api-key'].value as string;
    expect(() => loadKeystore(dir)).toThrow(/keystore\.json is not valid JSON; it was left as it is/);
    try {
      loadKeystore(dir);
    } catch (error) {
      expect((error as Error).message).not.toContain(signingKey.slice(0, 8));
      expect((error as Error).message).not.toContain('entries');
    }
  });
});
