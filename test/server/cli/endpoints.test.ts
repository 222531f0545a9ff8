import { describe, expect, it } from 'vitest';
import { runCli } from '../../support/cli.js';
import { tempDir } from '../../support/temp-dir.js';
import { addApplications } from '../api/api-fixtures.js';
import { flow, node } from '../engine/engine-harness.js';
import { openWorkspace } from '../../../server/cli/open-workspace.js';

/** A data folder with application App holding an endpoint (anonymous) and a flow that is no endpoint. */
function dataFolder(): string {
  const dataDir = tempDir();
  const { stores } = openWorkspace(dataDir);
  addApplications(stores, {
    App: {
      actionflows: [
        flow('Open', [node('in', 'apiInput'), node('o', 'output', {}, 'result')], ['in->o']),
        flow('Helper', [node('in', 'apiInput'), node('o', 'output', {}, 'result')], ['in->o'], false),
      ],
    },
  });
  stores.db.close();
  return dataDir;
}

describe('actionflow endpoints set-keyed|set-anonymous', () => {
  it('makes an endpoint keyed and anonymous again, saying when it already was', async () => {
    const dataDir = dataFolder();
    const args = (verb: string) => ['endpoints', verb, '--app', 'App', '--flow', 'Open', '--data', dataDir];
    expect(await runCli(args('set-keyed'))).toMatchObject({ code: 0, stdout: 'App / Open is now keyed: calls need an API key\n' });
    expect(await runCli(args('set-keyed'))).toMatchObject({ code: 0, stdout: 'App / Open was already keyed: calls need an API key\n' });
    expect((await runCli(['export', '--data', dataDir])).stdout).toContain('"allowAnonymous": false');
    expect(await runCli(args('set-anonymous'))).toMatchObject({ code: 0, stdout: 'App / Open is now anonymous: anyone who can reach it may call it\n' });
  });

  it('refuses a flow that does not exist or is no endpoint (exit 1), and missing options (exit 2)', async () => {
    const dataDir = dataFolder();
    const missing = await runCli(['endpoints', 'set-keyed', '--app', 'App', '--flow', 'Nope', '--data', dataDir]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('Nope');
    const helper = await runCli(['endpoints', 'set-keyed', '--app', 'App', '--flow', 'Helper', '--data', dataDir]);
    expect(helper).toMatchObject({
      code: 1,
      stderr: 'actionflow: actionflow "Helper" of application "App" is not an API endpoint; make it one in the designer first\n',
    });
    expect((await runCli(['endpoints', 'set-keyed', '--app', 'App', '--data', dataDir])).code).toBe(2);
  });
});
