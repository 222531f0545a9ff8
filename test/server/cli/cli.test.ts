import { chmodSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, serveCli } from '../../support/cli.js';
import { EXAMPLE_WORKSPACE_FILE, exampleWorkspace } from '../../support/example-workspace.js';
import { tempDir, tempFile } from '../../support/temp-dir.js';

describe('actionflow validate', () => {
  it('says a good file is valid', async () => {
    const result = await runCli(['validate', EXAMPLE_WORKSPACE_FILE]);
    expect(result).toMatchObject({ code: 0, stdout: expect.stringContaining('is valid: 1 application(s), 1 actionflow(s)') });
  });

  it.each([
    ['malformed JSON', '{"format":', '$: not valid JSON'],
    ['a wrong format', { ...exampleWorkspace(), format: 'other' }, '$.format: format must be "actionflow-workspace"'],
    ['a newer formatVersion', { ...exampleWorkspace(), formatVersion: 3 }, '$.formatVersion: formatVersion 3 is newer'],
  ])('refuses %s with the problem and its path, exit 1', async (_what, content, line) => {
    const result = await runCli(['validate', tempFile(content)]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(line);
  });

  it('lists every problem of a file: unknown key, cycle, bad names', async () => {
    const document = exampleWorkspace();
    document.applications[0].colour = 'red';
    document.applications[0].actionflows[0].connections.push({ id: 'back', from: { node: 'r', point: 'out' }, to: { node: 'p', point: 'in' } });
    const refused = await runCli(['validate', tempFile(document)]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('$.applications[0]: unknown key "colour"');
    const second = exampleWorkspace();
    second.applications[0].actionflows[0].name = 'a/b';
    second.applications[0].tables[0].name = 'tab\tle';
    second.security.users[0].name = '..';
    second.applications[0].actionflows[0].connections.push({ id: 'back', from: { node: 'r', point: 'out' }, to: { node: 'p', point: 'in' } });
    const names = await runCli(['validate', tempFile(second)]);
    expect(names.stderr).toContain('$.applications[0].actionflows[0].name: name must not contain "/"');
    expect(names.stderr).toContain('$.applications[0].tables[0].name: name must not contain control characters');
    expect(names.stderr).toContain('$.security.users[0].name: name must not be ".."');
    const cycle = exampleWorkspace();
    cycle.applications[0].actionflows[0].connections.push({ id: 'back', from: { node: 'r', point: 'out' }, to: { node: 'p', point: 'in' } });
    expect((await runCli(['validate', tempFile(cycle)])).stderr).toContain('$.applications[0].actionflows[0].connections: the connections form a cycle');
  });

  it('says when the file does not exist', async () => {
    expect(await runCli(['validate', '/nonexistent/ws.json'])).toMatchObject({ code: 1, stderr: expect.stringContaining('no such file') });
  });

  it('exits 2 on a usage error', async () => {
    expect((await runCli(['import'])).code).toBe(2);
    expect((await runCli(['frobnicate'])).code).toBe(2);
  });
});

describe('actionflow import and export', () => {
  it('imports into an empty folder and exports an equivalent document', async () => {
    const data = tempDir();
    expect((await runCli(['import', EXAMPLE_WORKSPACE_FILE, '--data', data])).code).toBe(0);
    const exported = await runCli(['export', '--data', data]);
    expect(exported.code).toBe(0);
    const again = await runCli(['validate', tempFile(exported.stdout)]);
    expect(again.code).toBe(0);
    expect(JSON.parse(exported.stdout).applications[0].actionflows[0].nodes).toEqual(
      exampleWorkspace().applications[0].actionflows[0].nodes.map((n: Record<string, unknown>) => ({ config: {}, ...n })),
    );
  });

  it('refuses a clash under fail, names it, exits 1 and changes nothing', async () => {
    const data = tempDir();
    await runCli(['import', EXAMPLE_WORKSPACE_FILE, '--data', data]);
    const before = (await runCli(['export', '--data', data])).stdout;
    const refused = await runCli(['import', EXAMPLE_WORKSPACE_FILE, '--data', data]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('$.applications[0].actionflows[0].name: actionflow "Companies Since" in application "Demo" already exists');
    expect((await runCli(['export', '--data', data])).stdout).toBe(before);
  });

  it('refuses an unknown --on-conflict choice as a usage error', async () => {
    expect((await runCli(['import', EXAMPLE_WORKSPACE_FILE, '--data', tempDir(), '--on-conflict', 'merge'])).code).toBe(2);
  });

  it('writes an export of one actionflow to a file', async () => {
    const data = tempDir();
    await runCli(['import', EXAMPLE_WORKSPACE_FILE, '--data', data]);
    const file = join(tempDir(), 'flow.json');
    expect((await runCli(['export', '--data', data, '--app', 'Demo', '--flow', 'Companies Since', '-o', file])).code).toBe(0);
    const document = JSON.parse(readFileSync(file, 'utf8'));
    expect(document.applications[0].tables.map((t: { name: string }) => t.name)).toEqual(['companies']);
    expect(document.security.users).toEqual([]);
  });

  it('says which flow is missing when exporting an unknown one', async () => {
    const data = tempDir();
    await runCli(['import', EXAMPLE_WORKSPACE_FILE, '--data', data]);
    expect(await runCli(['export', '--data', data, '--app', 'Demo', '--flow', 'Nope'])).toMatchObject({
      code: 1,
      stderr: expect.stringContaining('actionflow "Nope" does not exist in application "Demo"'),
    });
  });
});

describe('actionflow serve', () => {
  it('writes the demo workspace into an empty folder and prints the designer URL with the token', async () => {
    const data = tempDir();
    const server = await serveCli(['--data', data, '--port', '0']);
    expect(server.output()).toMatch(/listening on http:\/\/127\.0\.0\.1:\d+\/#token=[\w-]{40,}/);
    const summary = await fetch(`${server.url}/_studio/api/v1/workspace`, { headers: { authorization: `Bearer ${server.token}` } });
    const body = (await summary.json()) as { applications: { name: string }[] };
    expect(body.applications.map((a) => a.name)).toEqual(['Demo']);
  });

  it('sees an import made by another process at once, without a restart', async () => {
    const data = tempDir();
    const server = await serveCli(['--data', data, '--port', '0']);
    const names = async () =>
      (
        (await (await fetch(`${server.url}/_studio/api/v1/workspace`, { headers: { authorization: `Bearer ${server.token}` } })).json()) as {
          applications: { name: string; actionflows: { name: string }[] }[];
        }
      ).applications.flatMap((a) => a.actionflows.map((f) => `${a.name}/${f.name}`));
    expect(await names()).not.toContain('Imported/Companies Since');
    const document = exampleWorkspace();
    document.applications[0].name = 'Imported';
    document.security = { users: [], userGroups: [], roles: [], secretKeys: [] };
    expect((await runCli(['import', tempFile(document), '--data', data])).code).toBe(0);
    expect(await names()).toContain('Imported/Companies Since');
  });

  it('exits 1 with a clear line when the port is taken', async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const port = (blocker.address() as { port: number }).port;
    try {
      const result = await runCli(['serve', '--data', tempDir(), '--port', String(port)]);
      expect(result.code).toBe(1);
      expect(result.stderr).toContain(`port ${port} on 127.0.0.1 is taken`);
    } finally {
      blocker.close();
    }
  });

  it('warns when binding an address that is not loopback', async () => {
    const server = await serveCli(['--data', tempDir(), '--port', '0', '--host', '0.0.0.0']);
    expect(server.output()).toContain('not loopback');
  });

  it('refuses a studio.db that is not a database, naming it, and keeps the file', async () => {
    const data = tempDir();
    writeFileSync(join(data, 'studio.db'), 'garbage');
    const result = await runCli(['serve', '--data', data, '--port', '0']);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`${join(data, 'studio.db')} is not an SQLite database`);
    expect(readFileSync(join(data, 'studio.db'), 'utf8')).toBe('garbage');
  });

  it.skipIf(process.platform === 'win32')('refuses a keystore readable by others', async () => {
    const data = tempDir();
    expect((await runCli(['keystore', 'rotate-signing-key', '--data', data])).code).toBe(0);
    chmodSync(join(data, 'keystore.json'), 0o640);
    const result = await runCli(['serve', '--data', data, '--port', '0']);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('keystore.json has mode 0640');
  });
});
