import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../support/cli.js';
import { exampleWorkspace } from '../../support/example-workspace.js';
import { admin, runningServer } from '../../support/running-server.js';
import { tempDir, tempFile } from '../../support/temp-dir.js';

/** A workspace file whose first node's `ui` is nested `depth` objects deep, written as text (JSON.stringify would overflow). */
function deeplyNestedWorkspace(depth: number): string {
  const document = exampleWorkspace();
  document.applications[0].actionflows[0].nodes[0].ui = { marker: true };
  return JSON.stringify(document).replace('{"marker":true}', `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`);
}

/** Every line the command printed on stderr. */
const linesOf = (text: string) => text.split('\n').filter(Boolean);

describe('odd input is a problem, never a crash (DESIGN §3)', () => {
  it('refuses a node ui nested 50,000 deep in validate and import, naming where, and imports nothing', async () => {
    const file = tempFile(deeplyNestedWorkspace(50_000));
    const validated = await runCli(['validate', file]);
    expect(validated.code).toBe(1);
    expect(validated.stderr).toContain(`$.applications[0].actionflows[0].nodes[0].ui${'.a'.repeat(57)}: nested more than 64 levels deep`);
    const dataDir = tempDir();
    const imported = await runCli(['import', file, '--data', dataDir]);
    expect(imported.code).toBe(1);
    expect(imported.stderr).toContain('nested more than 64 levels deep');
    expect((await runCli(['export', '--data', dataDir])).stdout).not.toContain('Companies Since');
  });

  it('accepts a ui nested within the limit', async () => {
    expect((await runCli(['validate', tempFile(deeplyNestedWorkspace(50))])).code).toBe(0);
  });

  it('refuses names holding a lone surrogate or a bidirectional override, in a file and through the admin API', async () => {
    const text = JSON.stringify(exampleWorkspace())
      .replace('"name":"Companies Since"', '"name":"Companies \\ud800 Since"')
      .replace('"name":"api-client"', '"name":"evil\\u202egnp.exe"');
    const refused = await runCli(['validate', tempFile(text)]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('$.applications[0].actionflows[0].name: name must be well-formed Unicode (it holds half of a surrogate pair)');
    expect(refused.stderr).toContain('$.security.users[0].name: name must not contain bidirectional override characters (U+202A-U+202E, U+2066-U+2069)');

    const server = await runningServer();
    for (const name of ['lone \ud800', 'right\u202eleft', 'iso\u2066late']) {
      const reply = await admin(server, 'POST', '/applications', { name });
      expect({ name, status: reply.status }).toEqual({ name, status: 400 });
    }
    expect((await admin(server, 'POST', '/applications', { name: 'Fine 👍 name' })).status).toBe(201);
  });
});

describe('every CLI failure exits 1 or 2 with one line saying what to fix', () => {
  it('refuses a --data that is a file, for every command that opens it', async () => {
    const file = join(tempDir(), 'f');
    writeFileSync(file, 'x\n');
    for (const args of [['users', 'list'], ['export'], ['keys', 'list']]) {
      const result = await runCli([...args, '--data', file]);
      expect({ args, code: result.code, stderr: linesOf(result.stderr) }).toEqual({
        args,
        code: 1,
        stderr: [`actionflow: ${file} is not a folder; point --data (or ACTIONFLOW_DATA) at a folder`],
      });
    }
    const below = await runCli(['users', 'list', '--data', join(file, 'inside')]);
    expect({ code: below.code, stderr: linesOf(below.stderr) }).toEqual({
      code: 1,
      stderr: [`actionflow: ${join(file, 'inside')} is not a folder; point --data (or ACTIONFLOW_DATA) at a folder`],
    });
  });

  it('serve on a taken port says so and creates no data folder', async () => {
    const taken = createServer();
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
    const port = (taken.address() as { port: number }).port;
    try {
      const dataDir = join(tempDir(), 'new-folder');
      const result = await runCli(['serve', '--data', dataDir, '--port', String(port)]);
      expect({ code: result.code, stderr: linesOf(result.stderr) }).toEqual({
        code: 1,
        stderr: [`actionflow: port ${port} on 127.0.0.1 is taken by another program; choose another with --port N (or --port 0 for any free port)`],
      });
      expect(existsSync(dataDir)).toBe(false);
      const existing = tempDir();
      mkdirSync(join(existing, 'sub'));
      expect((await runCli(['serve', '--data', join(existing, 'sub'), '--port', String(port)])).code).toBe(1);
      expect(existsSync(join(existing, 'sub', 'studio.db'))).toBe(false);
    } finally {
      taken.close();
    }
  });
});

describe('a refused command leaves no new data folder behind', () => {
  it('removes the folder and files it made for a command that then failed, and keeps an existing workspace', async () => {
    const dataDir = join(tempDir(), 'fresh');
    const refused = await runCli(['keys', 'create', '--user', 'nobody', '--data', dataDir]);
    expect(refused.code).toBe(1);
    expect(linesOf(refused.stderr)).toHaveLength(1);
    expect(existsSync(dataDir)).toBe(false);

    expect((await runCli(['users', 'add', 'alice', '--data', dataDir])).code).toBe(0);
    expect((await runCli(['keys', 'create', '--user', 'nobody', '--data', dataDir])).code).toBe(1);
    expect((await runCli(['users', 'list', '--data', dataDir])).stdout).toContain('alice');
  });
});

describe('a value nested too deep through the admin API', () => {
  it('is a 400 naming where, not a crash, and the stored flow is kept', async () => {
    const server = await runningServer();
    expect((await admin(server, 'POST', '/applications', { name: 'App' })).status).toBe(201);
    const flow = { name: 'Deep', nodes: [{ id: 'in', type: 'apiInput', name: 'In', position: { x: 0, y: 0 }, ui: { marker: true } }], connections: [] };
    expect((await admin(server, 'POST', '/applications/App/actionflows', flow)).status).toBe(201);
    const deep = JSON.stringify({ baseRevision: 1, flow }).replace('{"marker":true}', `${'{"a":'.repeat(10_000)}1${'}'.repeat(10_000)}`);
    const saved = await admin(server, 'PUT', '/applications/App/actionflows/Deep', deep);
    expect(saved.status).toBe(400);
    expect(JSON.stringify(saved.body)).toContain('nested more than 64 levels deep');
    expect((await admin(server, 'GET', '/applications/App/actionflows/Deep')).body.revision).toBe(1);
  });
});
