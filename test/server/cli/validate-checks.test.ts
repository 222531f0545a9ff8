import { describe, expect, it } from 'vitest';
import { runCli, serveCli } from '../../support/cli.js';
import { exampleWorkspace } from '../../support/example-workspace.js';
import { tempDir, tempFile } from '../../support/temp-dir.js';

/** The DESIGN example with its Read node naming `table` and its Params expression set to `since`. */
function example(changes: { table?: string; since?: string; condition?: string } = {}) {
  const document = exampleWorkspace();
  const nodes = document.applications[0].actionflows[0].nodes;
  if (changes.since !== undefined) nodes[1].config.attributes[0].expression = changes.since;
  if (changes.table !== undefined) nodes[2].config.table = changes.table;
  return document;
}

describe('actionflow validate checks every flow fully', () => {
  it('refuses an expression that does not parse and a table that exists nowhere, all at once, exit 1', async () => {
    const result = await runCli(['validate', tempFile(example({ since: '$parseJson(body.since', table: 'customers' }))]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('has 2 problem(s)');
    expect(result.stderr).toContain('$.applications[0].actionflows[0].nodes[1].config.attributes[0].expression: the expression does not parse');
    expect(result.stderr).toContain('$.applications[0].actionflows[0].nodes[2].config.table: table "customers" does not exist in application "Demo"');
  });

  it('lists a schema problem together with the flow problems', async () => {
    const document = example({ table: 'customers' });
    document.applications[0].colour = 'red';
    const result = await runCli(['validate', tempFile(document)]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('$.applications[0]: unknown key "colour"');
    expect(result.stderr).toContain('$.applications[0].actionflows[0].nodes[2].config.table: table "customers" does not exist');
  });

  it('says to write $error for a bare error() call', async () => {
    const result = await runCli(['validate', tempFile(example({ since: 'error("no date")' }))]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('calls error(…) without "$": write $error(…)');
  });

  it('prints warnings without failing', async () => {
    const result = await runCli(['validate', tempFile(example({ since: '$parseJson(bdy).since' }))]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(
      'warning: $.applications[0].actionflows[0].nodes[1].config.attributes[0].expression: "Params" reads "bdy", which no node upstream sets; did you mean "body"?',
    );
    expect(result.stdout).toContain('is valid: 1 application(s), 1 actionflow(s), 1 warning(s)');
  });

  it('with --data, finds a table in that workspace', async () => {
    const data = tempDir();
    const first = example();
    first.applications[0].tables[0].name = 'customers';
    first.applications[0].actionflows[0].nodes[2].config.table = 'customers';
    first.applications[0].actionflows[0].name = 'Other';
    expect((await runCli(['import', tempFile(first), '--data', data])).code).toBe(0);
    const file = tempFile({ ...example({ table: 'customers' }), security: {} });
    const alone = await runCli(['validate', file]);
    expect(alone.code).toBe(1);
    expect(await runCli(['validate', file, '--data', data])).toMatchObject({ code: 0, stdout: expect.stringContaining('is valid against') });
  });

  it('with --data naming a folder without a workspace, says so', async () => {
    const result = await runCli(['validate', tempFile(example()), '--data', tempDir()]);
    expect(result).toMatchObject({ code: 1, stderr: expect.stringContaining('no workspace in') });
  });
});

describe('actionflow import checks every flow fully', () => {
  it('refuses a live flow reading a table that exists nowhere and changes nothing', async () => {
    const data = tempDir();
    const refused = await runCli(['import', tempFile(example({ table: 'customers' })), '--data', data]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('$.applications[0].actionflows[0].nodes[2].config.table: table "customers" does not exist in application "Demo"');
    expect(JSON.parse((await runCli(['export', '--data', data])).stdout).applications).toEqual([]);
  });
});

describe('actionflow serve names stored flows with problems', () => {
  it('lists a stored flow that cannot run, with its problems, when it starts', async () => {
    const data = tempDir();
    const draft = example({ table: 'customers' });
    draft.applications[0].actionflows[0].api.enabled = false;
    const imported = await runCli(['import', tempFile(draft), '--data', data]);
    expect(imported.code).toBe(0);
    expect(imported.stdout).toContain(
      'problem (the flow is not live, so it was imported; it cannot run until fixed): $.applications[0].actionflows[0].nodes[2].config.table',
    );
    const { output } = await serveCli(['--data', data, '--port', '0']);
    await expect.poll(() => output(), { timeout: 20_000 }).toContain('actionflow: warning: Demo / Companies Since has 1 problem(s):');
    expect(output()).toContain('$.nodes[2].config.table: table "customers" does not exist in application "Demo"');
  });
});
