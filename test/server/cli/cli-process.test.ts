import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, spawnCli } from '../../support/cli.js';
import { EXAMPLE_WORKSPACE_FILE } from '../../support/example-workspace.js';
import { tempDir } from '../../support/temp-dir.js';

/** Runs `actionflow ARGS --data DIR` in this process and expects it to succeed (the set-up of a smoke test). */
async function given(dir: string, args: string[]): Promise<void> {
  const result = await runCli([...args, '--data', dir]);
  if (result.code !== 0) throw new Error(`actionflow ${args.join(' ')} exited ${result.code}: ${result.stderr}`);
}

// One run of each command as people start it (bin/actionflow, its own process, real stdio);
// every other CLI test calls the same commands in-process.
describe('bin/actionflow in its own process', () => {
  it('validate: says a good file is valid, exit 0', () => {
    expect(spawnCli(['validate', EXAMPLE_WORKSPACE_FILE])).toMatchObject({ code: 0, stdout: expect.stringContaining('is valid') });
  });

  it('import: refuses a missing file with one line, exit 1', () => {
    const result = spawnCli(['import', '/nonexistent/ws.json', '--data', tempDir()]);
    expect(result).toMatchObject({ code: 1, stdout: '' });
    expect(result.stderr).toBe('actionflow: cannot read /nonexistent/ws.json: no such file\n');
  });

  it('export: writes the imported workspace as JSON on stdout', async () => {
    const dir = tempDir();
    await given(dir, ['import', EXAMPLE_WORKSPACE_FILE]);
    const result = spawnCli(['export', '--data', dir]);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout).applications[0].name).toBe('Demo');
  });

  it('users: adds a user', () => {
    expect(spawnCli(['users', 'add', 'alice', '--data', tempDir()])).toMatchObject({ code: 0, stdout: 'added user alice\n' });
  });

  it('groups: lists a group with its members', async () => {
    const dir = tempDir();
    await given(dir, ['users', 'add', 'alice']);
    await given(dir, ['groups', 'add', 'API Users', '--user', 'alice']);
    expect(spawnCli(['groups', 'list', '--data', dir]).stdout).toMatch(/NAME\s+USERS\nAPI Users\s+alice\n/);
  });

  it('roles: exits 2 on a usage error', () => {
    const result = spawnCli(['roles', 'add', 'Callers', '--data', tempDir()]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("required option '--privilege <privileges...>' not specified");
  });

  it('keys: prints a new key alone on stdout', async () => {
    const dir = tempDir();
    await given(dir, ['users', 'add', 'alice']);
    expect(spawnCli(['keys', 'create', '--user', 'alice', '--data', dir]).stdout).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+\n$/);
  });

  it('secrets: reads a value from piped stdin', async () => {
    const dir = tempDir();
    expect(spawnCli(['secrets', 'set', 'CrmToken', '--data', dir], { input: 'crm-secret\n' })).toMatchObject({
      code: 0,
      stdout: 'added secret key CrmToken\n',
    });
    expect(JSON.parse((await runCli(['secrets', 'list', '--json', '--data', dir])).stdout)).toEqual([{ name: 'CrmToken', enabled: true, hasValue: true }]);
  });

  it('keystore: rotates the signing key', async () => {
    const dir = tempDir();
    await given(dir, ['keys', 'list']);
    const before = readFileSync(join(dir, 'keystore.json'), 'utf8');
    expect(spawnCli(['keystore', 'rotate-signing-key', '--data', dir])).toMatchObject({
      code: 0,
      stdout: expect.stringContaining('every existing API key stops working'),
    });
    expect(readFileSync(join(dir, 'keystore.json'), 'utf8')).not.toBe(before);
  });
});
