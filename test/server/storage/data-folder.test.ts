import { chmodSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { admin, runningServer } from '../../support/running-server.js';
import { tempDir } from '../../support/temp-dir.js';

const modeOf = (path: string) => (statSync(path).mode & 0o777).toString(8);

/** What the server printed on stderr while `work` ran. */
async function stderrOf(work: () => Promise<unknown>): Promise<string> {
  const printed = vi.spyOn(console, 'error').mockImplementation(() => {});
  try {
    await work();
    return printed.mock.calls.map((call) => call.join(' ')).join('\n');
  } finally {
    printed.mockRestore();
  }
}

/** Starts the real server on `dataDir` and makes it write (a user, then the console), so -wal and -shm exist. */
async function serveAndWrite(dataDir: string) {
  const server = await runningServer({ dataDir });
  expect((await admin(server, 'POST', '/security/users', { name: 'someone' })).status).toBe(201);
  return server;
}

describe('the data folder’s modes (DESIGN §7)', () => {
  it('creates an absent data folder 0700 and every file in it 0600', async () => {
    const dataDir = join(tempDir(), 'nested', 'data');
    const printed = await stderrOf(() => serveAndWrite(dataDir));
    expect(modeOf(dataDir)).toBe('700');
    for (const name of ['studio.db', 'studio.db-wal', 'studio.db-shm', 'keystore.json']) expect(modeOf(join(dataDir, name)), name).toBe('600');
    expect(printed).not.toContain('warning');
  });

  it('warns about an existing folder others can list and leaves its mode, while the files it makes are 0600', async () => {
    const dataDir = join(tempDir(), 'open');
    mkdirSync(dataDir);
    chmodSync(dataDir, 0o755);
    const printed = await stderrOf(() => serveAndWrite(dataDir));
    expect(printed).toContain(
      `actionflow: warning: the data folder ${dataDir} is open to other accounts on this machine (mode 0755); \`chmod 700 ${dataDir}\` keeps them out`,
    );
    expect(modeOf(dataDir)).toBe('755');
    for (const name of ['studio.db', 'studio.db-wal', 'studio.db-shm', 'keystore.json']) expect(modeOf(join(dataDir, name)), name).toBe('600');
  });

  it('tightens an existing studio.db, -wal and -shm that others can read to 0600, with a warning each', async () => {
    const dataDir = tempDir();
    await (await serveAndWrite(dataDir)).close();
    for (const name of ['studio.db', 'studio.db-wal', 'studio.db-shm']) {
      writeFileSync(join(dataDir, name), '', { flag: 'a' });
      chmodSync(join(dataDir, name), 0o644);
    }
    const printed = await stderrOf(() => runningServer({ dataDir }));
    for (const name of ['studio.db', 'studio.db-wal', 'studio.db-shm']) {
      expect(printed).toContain(`actionflow: warning: ${join(dataDir, name)} could be read by other accounts (mode 0644); it is now 0600`);
      expect(modeOf(join(dataDir, name))).toBe('600');
    }
  });
});
