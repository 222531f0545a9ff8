import { chmodSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../support/cli.js';
import { tempDir } from '../../support/temp-dir.js';

/** Runs `actionflow ARGS --data DIR` and expects it to succeed. */
async function ok(dir: string, args: string[], input?: string) {
  const result = await runCli([...args, '--data', dir], input === undefined ? {} : { input });
  if (result.code !== 0) throw new Error(`actionflow ${args.join(' ')} exited ${result.code}: ${result.stderr}`);
  return result;
}

async function withApiUser(): Promise<string> {
  const dir = tempDir();
  await ok(dir, ['users', 'add', 'alice', 'bob']);
  await ok(dir, ['groups', 'add', 'API Users', '--user', 'alice']);
  await ok(dir, ['roles', 'add', 'Callers', '--privilege', 'Use API Key', '--group', 'API Users']);
  return dir;
}

/** Every byte of the data folder's files, to look for what must not be stored in the clear. */
function dataFolderBytes(dir: string): Buffer {
  return Buffer.concat(readdirSync(dir).map((file) => readFileSync(join(dir, file))));
}

describe('actionflow users, groups, roles', () => {
  it('adds and lists users, groups and roles, and disables and enables a user', async () => {
    const dir = await withApiUser();
    expect((await ok(dir, ['users', 'list'])).stdout).toMatch(/NAME\s+STATE\s+GROUPS\nalice\s+enabled\s+API Users\nbob\s+enabled/);
    expect((await ok(dir, ['users', 'disable', 'bob'])).stdout).toBe('user bob is disabled\n');
    expect(JSON.parse((await ok(dir, ['users', 'list', '--json'])).stdout)).toEqual([
      { name: 'alice', enabled: true, groups: ['API Users'] },
      { name: 'bob', enabled: false, groups: [] },
    ]);
    expect((await ok(dir, ['users', 'enable', 'bob'])).stdout).toBe('user bob is enabled\n');
    expect((await ok(dir, ['groups', 'list'])).stdout).toMatch(/API Users\s+alice/);
    expect(JSON.parse((await ok(dir, ['roles', 'list', '--json'])).stdout)).toEqual([
      { name: 'Callers', privileges: ['Use API Key'], userGroups: ['API Users'] },
    ]);
  });

  it.each([
    [['users', 'add', 'a/b'], 'user "a/b": name must not contain "/"'],
    [['users', 'add', 'alice'], 'user "alice" already exists'],
    [['users', 'disable', 'nobody'], 'user "nobody" does not exist'],
    [['groups', 'add', 'G', '--user', 'nobody'], 'user "nobody" does not exist'],
    [['roles', 'add', 'R', '--privilege', 'Fly', '--group', 'API Users'], '"Fly" is not a privilege; one of: "Use API Key"'],
    [['roles', 'add', 'R', '--privilege', 'Use API Key', '--application', 'Nope'], 'application "Nope" does not exist'],
  ])('refuses %j with a line saying what to fix, exit 1', async (args, message) => {
    const dir = await withApiUser();
    const result = await runCli([...args, '--data', dir]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`actionflow: ${message}`);
  });

  it('adds nothing when one of several users is refused', async () => {
    const dir = await withApiUser();
    expect((await runCli(['users', 'add', 'carol', 'alice', '--data', dir])).code).toBe(1);
    expect((await ok(dir, ['users', 'list'])).stdout).not.toContain('carol');
  });
});

describe('actionflow keys', () => {
  it('prints a new key alone on stdout, once; lists show its record and never the key', async () => {
    const dir = await withApiUser();
    const created = await ok(dir, ['keys', 'create', '--user', 'alice', '--label', 'CI', '--expires', '30d']);
    expect(created.stdout).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+\n$/);
    const key = created.stdout.trim();
    expect(created.stderr).toMatch(/created API key [0-9a-f-]{36} for user alice, expiring \d{4}-.*shown this once/);
    const list = await ok(dir, ['keys', 'list']);
    expect(list.stdout).toMatch(/ID\s+USER\s+STATUS\s+LABEL\s+CREATED\s+LAST USED\s+EXPIRES\n[0-9a-f-]{36}\s+alice\s+active\s+CI\s/);
    const [record] = JSON.parse((await ok(dir, ['keys', 'list', '--user', 'alice', '--json'])).stdout);
    expect(record).toMatchObject({ user: 'alice', label: 'CI', status: 'active', revokedAt: null });
    expect(list.stdout + JSON.stringify(record)).not.toContain(key);
    expect(dataFolderBytes(dir).includes(key)).toBe(false);
  });

  it('warns when the key cannot work yet, and refuses a key for an unknown user or with a bad expiry', async () => {
    const dir = await withApiUser();
    expect((await ok(dir, ['keys', 'create', '--user', 'bob'])).stderr).toContain('actionflow: warning: user "bob" holds "Use API Key" through no role');
    const unknown = await runCli(['keys', 'create', '--user', 'mallory', '--data', dir]);
    expect(unknown).toMatchObject({ code: 1, stdout: '' });
    expect(unknown.stderr).toContain('actionflow: user "mallory" does not exist; add it first (actionflow users add "mallory")');
    const expiry = await runCli(['keys', 'create', '--user', 'alice', '--expires', 'soon', '--data', dir]);
    expect(expiry.code).toBe(1);
    expect(expiry.stderr).toContain('"soon" is not an expiry: give a duration such as 30d');
    expect((await runCli(['keys', 'create', '--data', dir])).code).toBe(2);
  });

  it('revokes a key by id, says so again without failing, and refuses an unknown id', async () => {
    const dir = await withApiUser();
    await ok(dir, ['keys', 'create', '--user', 'alice']);
    const [{ id }] = JSON.parse((await ok(dir, ['keys', 'list', '--json'])).stdout);
    expect((await ok(dir, ['keys', 'revoke', id])).stdout).toBe(`revoked API key ${id} of user alice\n`);
    expect((await ok(dir, ['keys', 'revoke', id])).stdout).toContain(`API key ${id} was already revoked`);
    expect(JSON.parse((await ok(dir, ['keys', 'list', '--json'])).stdout)[0].status).toBe('revoked');
    const unknown = await runCli(['keys', 'revoke', 'nope', '--data', dir]);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('API key "nope" does not exist');
  });
});

describe('actionflow secrets', () => {
  it('sets a value from stdin, stores it encrypted, and never prints it', async () => {
    const dir = tempDir();
    expect((await ok(dir, ['secrets', 'set', 'CrmToken'], 'crm-secret-value-1\n')).stdout).toBe('added secret key CrmToken\n');
    expect((await ok(dir, ['secrets', 'set', 'CrmToken'], 'crm-secret-value-2')).stdout).toBe('set the value of secret key CrmToken\n');
    const list = await ok(dir, ['secrets', 'list']);
    expect(list.stdout).toMatch(/NAME\s+STATE\s+VALUE\nCrmToken\s+enabled\s+set\n/);
    expect(JSON.parse((await ok(dir, ['secrets', 'list', '--json'])).stdout)).toEqual([{ name: 'CrmToken', enabled: true, hasValue: true }]);
    expect((await ok(dir, ['secrets', 'disable', 'CrmToken'])).stdout).toBe('secret key CrmToken is disabled\n');
    const exported = (await ok(dir, ['export'])).stdout;
    expect(JSON.parse(exported).security.secretKeys).toEqual([{ name: 'CrmToken', enabled: false }]);
    expect(list.stdout + exported).not.toContain('crm-secret-value');
    expect(dataFolderBytes(dir).includes('crm-secret-value')).toBe(false);
  });

  it('refuses a value on the command line without echoing it, and an empty value', async () => {
    const dir = tempDir();
    const argv = await runCli(['secrets', 'set', 'CrmToken', 'typed-on-argv', '--data', dir]);
    expect(argv.code).toBe(2);
    expect(argv.stderr).toContain('a secret value is never taken from the command line');
    expect(argv.stderr).toContain('pipe it on stdin');
    expect(argv.stderr + argv.stdout).not.toContain('typed-on-argv');
    const empty = await runCli(['secrets', 'set', 'CrmToken', '--data', dir], { input: '' });
    expect(empty.code).toBe(1);
    expect(empty.stderr).toContain('the value is empty');
    expect((await ok(dir, ['secrets', 'list', '--json'])).stdout.trim()).toBe('[]');
  });
});

describe('actionflow keystore', () => {
  it('installs a signing key from stdin, saying every existing API key stops working, and refuses one under 32 bytes', async () => {
    const dir = await withApiUser();
    await ok(dir, ['keys', 'create', '--user', 'alice']);
    const short = await runCli(['keystore', 'set-signing-key', '--data', dir], { input: 'too-short' });
    expect(short.code).toBe(1);
    expect(short.stderr).toContain('a signing key needs at least 32 bytes; this one has 9');
    expect(JSON.parse((await ok(dir, ['keys', 'list', '--json'])).stdout)[0].status).toBe('active');
    const set = await ok(dir, ['keystore', 'set-signing-key'], `${'k'.repeat(40)}\n`);
    expect(set.stdout).toContain('every existing API key stops working');
    expect(set.stdout + set.stderr).not.toContain('k'.repeat(40));
    expect(JSON.parse((await ok(dir, ['keys', 'list', '--json'])).stdout)[0].status).toBe('signing key replaced');
  });

  it('rotates the signing key, saying every existing API key stops working', async () => {
    const dir = await withApiUser();
    await ok(dir, ['keys', 'create', '--user', 'alice']);
    const before = readFileSync(join(dir, 'keystore.json'), 'utf8');
    expect((await ok(dir, ['keystore', 'rotate-signing-key'])).stdout).toContain('every existing API key stops working');
    expect(readFileSync(join(dir, 'keystore.json'), 'utf8')).not.toBe(before);
    expect(JSON.parse((await ok(dir, ['keys', 'list', '--json'])).stdout)[0].status).toBe('signing key replaced');
  });

  it.skipIf(process.platform === 'win32')('refuses to use a keystore that others can read', async () => {
    const dir = await withApiUser();
    await ok(dir, ['keys', 'create', '--user', 'alice']);
    chmodSync(join(dir, 'keystore.json'), 0o644);
    for (const args of [
      ['keystore', 'rotate-signing-key'],
      ['keys', 'create', '--user', 'alice'],
    ]) {
      const result = await runCli([...args, '--data', dir]);
      expect(result.code).toBe(1);
      expect(result.stderr).toMatch(/keystore\.json has mode 0644.*chmod 600/);
    }
  });
});
