import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { createKeyedEndpoint, dialog } from './support/admin-actions.js';
import { eventually, openFlow } from './support/designer-actions.js';
import { openDesigner } from './support/designer-browser.js';
import { designerSuite } from './support/designer-suite.js';
import { editorText, openPanelTab, withoutFailedLoads, detailStatusBecomes } from './support/run-tools-actions.js';
import type { RunningServer } from '../../server/start-server.js';
import { adminCall } from './support/studio-server.js';

const suite = designerSuite();

/** Try it's tabs for the request (Body, Query, Headers, API key). */
const requestTab = (page: Page, name: string) => page.getByRole('tablist', { name: 'Request' }).getByRole('tab', { name: new RegExp(`^${name}`) });
const keyNeeded = (page: Page) => page.getByTestId('try-it-key-needed');
const send = (page: Page) => page.getByRole('button', { name: 'Send', exact: true }).click();

/** Opens a new keyed endpoint (its input to an output `result` holding `greeting: "hello"`) with Try it on it. */
async function keyedEndpointInTryIt(name: string) {
  await createKeyedEndpoint(suite.studio.server, 'Demo', name);
  const designer = await openDesigner(suite.profile, suite.studio.server);
  await openFlow(designer.page, name);
  await openPanelTab(designer.page, 'Try it');
  await keyNeeded(designer.page).waitFor();
  return designer;
}

describe('Try it on a keyed endpoint', () => {
  it('creates a test key in one step, shows it once, keeps it masked, and calls the endpoint with it', async () => {
    const { page, problems } = await keyedEndpointInTryIt('Keyed Hello');
    expect(await keyNeeded(page).textContent()).toContain('This endpoint needs an API key');

    await page.getByRole('button', { name: 'Create a test key' }).click();
    expect(await dialog(page).textContent()).toContain('labelled “Try it: Demo/Keyed Hello”. It expires in 7 days');
    await dialog(page).getByRole('button', { name: 'Create key' }).click();

    const shown = dialog(page).getByRole('textbox', { name: 'Test key (shown once)' });
    await shown.waitFor();
    const key = await shown.inputValue();
    expect(key).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+$/);
    expect(await dialog(page).textContent()).toContain('it is not shown again');
    expect(await dialog(page).textContent()).toContain('Set up so that it can call the endpoint: user "tester", user group "Testers", role "Try it: Demo"');
    await dialog(page).getByRole('button', { name: 'Copy key' }).click();
    await dialog(page).getByRole('button', { name: 'Copied' }).waitFor();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(key);
    await dialog(page).getByRole('button', { name: 'Done' }).click();
    await dialog(page).waitFor({ state: 'detached' });

    // Afterwards the key is in the field, masked, with no way to show it again; it is stored nowhere.
    expect(await keyNeeded(page).count()).toBe(0);
    await requestTab(page, 'API key').click();
    const field = page.getByRole('textbox', { name: 'API key' });
    expect(await field.getAttribute('type')).toBe('password');
    expect(await field.inputValue()).toBe(key);
    expect(await page.getByRole('button', { name: 'Show the key' }).count()).toBe(0);
    expect(await page.getByTestId('try-it').textContent()).toContain('The test key “Try it: Demo/Keyed Hello” for “tester”: it expires on');
    expect(await page.locator('body').innerText()).not.toContain(key);
    const records = (await adminCall(suite.studio.server, 'GET', '/security/api-keys?user=tester')).body.keys;
    expect(records).toEqual([expect.objectContaining({ label: 'Try it: Demo/Keyed Hello', status: 'active' })]);
    expect(Date.parse(records[0].expiresAt) - Date.parse(records[0].createdAt)).toBe(7 * 86_400_000);

    await send(page);
    await eventually(async () => expect(await page.getByTestId('reply-status').textContent()).toBe('200 OK'));
    const reply = JSON.parse(await editorText(page.getByTestId('reply-body')));
    expect(reply).toMatchObject({ status: 'Success', data: { result: [{ greeting: 'hello' }] } });

    await page.getByRole('button', { name: 'Open its console entry' }).click();
    const detail = page.getByTestId('console-detail');
    await detail.waitFor();
    await eventually(async () => expect(await detail.textContent()).toContain(reply.processId));
    // The reply can reach Try it before the console has written the run's end.
    await detailStatusBecomes(page, 'Success');
    expect(await detail.textContent()).toContain('tester');

    const stored = await page.evaluate(() => JSON.stringify({ ...window.localStorage }) + JSON.stringify({ ...window.sessionStorage }));
    expect(stored).not.toContain(key);
    // Typing another key replaces the test key, and that one can be shown.
    await openPanelTab(page, 'Try it');
    await requestTab(page, 'API key').click();
    await field.fill('pasted-key');
    await page.getByRole('button', { name: 'Show the key' }).click();
    expect(await field.getAttribute('type')).toBe('text');
    expect(problems).toEqual([]);
  });

  it('says why a chosen user cannot have a test key (no key right on the application), and makes none', async () => {
    expect((await adminCall(suite.studio.server, 'POST', '/security/users', { name: 'bob' })).status).toBe(201);
    const { page, problems } = await keyedEndpointInTryIt('Keyed Refusal');

    await page.getByRole('button', { name: 'Create a test key' }).click();
    await dialog(page)
      .getByRole('button', { name: /For user/ })
      .click();
    await page.getByRole('option', { name: 'bob' }).click();
    await dialog(page).getByRole('button', { name: 'Create key' }).click();
    const refusal = dialog(page).getByRole('alert');
    await refusal.waitFor();
    expect(await refusal.textContent()).toContain('user "bob" may not call endpoints of "Demo": no role grants them "Use API Key" there');
    await dialog(page).getByRole('button', { name: 'Cancel' }).click();
    await dialog(page).waitFor({ state: 'detached' });

    expect(await keyNeeded(page).count()).toBe(1);
    expect((await adminCall(suite.studio.server, 'GET', '/security/api-keys?user=bob')).body.keys).toEqual([]);
    expect(withoutFailedLoads(problems, 403)).toEqual([]);
  });

  it('makes the endpoint anonymous after saying what it means, then calls it without a key', async () => {
    const { page, problems } = await keyedEndpointInTryIt('Keyed Open');
    await send(page);
    await eventually(async () => expect(await page.getByTestId('reply-status').textContent()).toBe('401 Unauthorized'));

    await page.getByRole('button', { name: 'Make this endpoint anonymous' }).click();
    const confirm = page.getByRole('alertdialog', { name: 'Make “Keyed Open” anonymous?' });
    expect(await confirm.textContent()).toContain(
      `Anyone who can reach ${suite.studio.server.url}/phixflow/api/1/action/Demo/Keyed%20Open/trigger can then call it, without a key`,
    );
    await confirm.getByRole('button', { name: 'Make it anonymous' }).click();
    await confirm.waitFor({ state: 'detached' });
    await eventually(async () => expect(await keyNeeded(page).count()).toBe(0));
    const stored = (await adminCall(suite.studio.server, 'GET', '/applications/Demo/actionflows/Keyed%20Open')).body;
    expect(stored.flow.api.allowAnonymous).toBe(true);
    // The open editor saved it: nothing is left unsaved, and its settings show the switch on.
    expect(await page.getByTestId('unsaved').count()).toBe(0);
    expect(await page.getByRole('switch', { name: 'Allow Anonymous Connections' }).isChecked()).toBe(true);

    await send(page);
    await eventually(async () => expect(await page.getByTestId('reply-status').textContent()).toBe('200 OK'));
    expect(JSON.parse(await editorText(page.getByTestId('reply-body')))).toMatchObject({ status: 'Success', data: { result: [{ greeting: 'hello' }] } });
    expect(withoutFailedLoads(problems, 401)).toEqual([]);
  });

  it('makes an endpoint that is not open anonymous by saving the stored flow, and shows a refused save’s reason in the dialog', async () => {
    const server = suite.studio.server;
    await createKeyedEndpoint(server, 'Demo', 'Keyed Elsewhere');
    // A flow whose table was dropped since: the checks refuse to keep it live, so the save is refused.
    expect((await adminCall(server, 'POST', '/applications/Demo/tables', { name: 'scratch', columns: [] })).status).toBe(201);
    await createFlowWithTable(server, 'Keyed Broken', 'scratch');
    expect((await adminCall(server, 'DELETE', '/applications/Demo/tables/scratch?confirm=true')).status).toBe(204);

    const { page, problems } = await openDesigner(suite.profile, server);
    await page.getByTestId('application-Demo').waitFor();
    await openPanelTab(page, 'Try it');
    const pick = async (name: string) => {
      await page
        .getByTestId('try-it')
        .getByRole('button', { name: /Endpoint$/ })
        .click();
      await page.getByRole('option', { name: `Demo / ${name}` }).click();
      await keyNeeded(page).waitFor();
      await page.getByRole('button', { name: 'Make this endpoint anonymous' }).click();
      return page.getByRole('alertdialog', { name: `Make “${name}” anonymous?` });
    };

    const refused = await pick('Keyed Broken');
    await refused.getByRole('button', { name: 'Make it anonymous' }).click();
    await refused.getByRole('alert').waitFor();
    expect(await refused.getByRole('alert').textContent()).toContain('"Keyed Broken" was not saved: it has 1 problem(s) and it is an enabled API endpoint');
    await refused.getByRole('button', { name: 'Cancel' }).click();
    expect((await adminCall(server, 'GET', '/applications/Demo/actionflows/Keyed%20Broken')).body.flow.api.allowAnonymous).toBe(false);
    expect(await keyNeeded(page).count()).toBe(1);

    const confirm = await pick('Keyed Elsewhere');
    expect(await confirm.textContent()).toContain('This saves the flow. To ask for keys again');
    await confirm.getByRole('button', { name: 'Make it anonymous' }).click();
    await confirm.waitFor({ state: 'detached' });
    await eventually(async () => expect(await keyNeeded(page).count()).toBe(0));
    expect((await adminCall(server, 'GET', '/applications/Demo/actionflows/Keyed%20Elsewhere')).body.flow.api.allowAnonymous).toBe(true);
    await send(page);
    await eventually(async () => expect(await page.getByTestId('reply-status').textContent()).toBe('200 OK'));
    expect(withoutFailedLoads(problems, 400)).toEqual([]);
  });
});

/** A keyed endpoint that reads `table`. */
async function createFlowWithTable(server: RunningServer, name: string, table: string): Promise<void> {
  const created = await adminCall(server, 'POST', '/applications/Demo/actionflows', {
    name,
    api: { enabled: true, allowAnonymous: false, mode: 'sync' },
    nodes: [
      { id: 'in', type: 'apiInput', name: 'In', position: { x: 0, y: 0 } },
      { id: 'read', type: 'readTable', name: 'Read', position: { x: 280, y: 0 }, config: { table } },
      { id: 'result', type: 'output', name: 'result', position: { x: 560, y: 0 } },
    ],
    connections: [
      { id: 'c1', from: { node: 'in', point: 'out' }, to: { node: 'read', point: 'in' } },
      { id: 'c2', from: { node: 'read', point: 'out' }, to: { node: 'result', point: 'in' } },
    ],
  });
  expect(created.status).toBe(201);
}
