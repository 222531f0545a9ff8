import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { eventually, openFlow } from './support/designer-actions.js';
import { openDesigner } from './support/designer-browser.js';
import { designerSuite } from './support/designer-suite.js';
import { adminRow, createKeyedEndpoint, dialog, openAdminSection } from './support/admin-actions.js';
import { callEndpoint, editorText, openPanelTab, withoutFailedLoads } from './support/run-tools-actions.js';
import { adminCall } from './support/studio-server.js';

const suite = designerSuite();

/** Sends Try it's request for the open flow with `key` and waits for the reply's status line. */
async function sendWithKey(page: Page, key: string, status: string): Promise<any> {
  await page
    .getByRole('tablist', { name: 'Request' })
    .getByRole('tab', { name: /^API key/ })
    .click();
  await page.getByRole('textbox', { name: 'API key' }).fill(key);
  await page.getByRole('button', { name: 'Send', exact: true }).click();
  await eventually(async () => expect(await page.getByTestId('reply-status').textContent()).toBe(status));
  return JSON.parse(await editorText(page.getByTestId('reply-body')));
}

describe('API keys', () => {
  it('gives a new user of a new group and role a key that Try it calls a keyed endpoint with, until the key is revoked', async () => {
    await createKeyedEndpoint(suite.studio.server, 'Demo', 'Keyed Hello');
    const { page, problems } = await openDesigner(suite.profile, suite.studio.server);

    await openAdminSection(page, 'Users');
    await page.getByRole('button', { name: 'Add user' }).click();
    await dialog(page).getByLabel('Name').fill('crm-client');
    await dialog(page).getByLabel('Name').press('Enter');
    await adminRow(page, 'Users', 'crm-client').waitFor();

    await openAdminSection(page, 'User groups');
    await page.getByRole('button', { name: 'Add user group' }).click();
    await dialog(page).getByLabel('Name').fill('CRM Clients');
    await dialog(page).getByRole('checkbox', { name: 'crm-client' }).check({ force: true });
    await dialog(page).getByRole('button', { name: 'Add group' }).click();
    await eventually(async () => expect(await adminRow(page, 'User groups', 'CRM Clients').textContent()).toContain('crm-client'));

    await openAdminSection(page, 'Roles');
    await page.getByRole('button', { name: 'Add role' }).click();
    await dialog(page).getByLabel('Name').fill('CRM Callers');
    expect(await dialog(page).getByRole('checkbox', { name: 'Use API Key' }).isChecked()).toBe(true);
    await dialog(page).getByRole('checkbox', { name: 'CRM Clients' }).check({ force: true });
    await dialog(page)
      .getByRole('button', { name: /Application/ })
      .click();
    await page.getByRole('option', { name: 'Demo' }).click();
    await dialog(page).getByRole('button', { name: 'Add role' }).click();
    await eventually(async () => expect(await adminRow(page, 'Roles', 'CRM Callers').textContent()).toContain('Demo'));
    const security = (await adminCall(suite.studio.server, 'GET', '/security')).body;
    expect(security.roles).toContainEqual({ name: 'CRM Callers', application: 'Demo', privileges: ['Use API Key'], userGroups: ['CRM Clients'] });

    // The key is shown once, with a copy button and a warning.
    await openAdminSection(page, 'API keys');
    await page.getByRole('button', { name: 'Generate key' }).click();
    await dialog(page).getByRole('textbox', { name: 'Label' }).fill('CRM sync');
    await dialog(page).getByRole('textbox', { name: 'Expires' }).fill('30d');
    await dialog(page).getByRole('button', { name: 'Generate key' }).click();
    const shown = page.getByTestId('new-api-key');
    await shown.waitFor();
    const key = (await shown.textContent())!;
    expect(await dialog(page).textContent()).toContain('you will not see this key again');
    await dialog(page).getByRole('button', { name: 'Copy key' }).click();
    await dialog(page).getByRole('button', { name: 'Copied' }).waitFor();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(key);
    await dialog(page).getByRole('button', { name: 'Done' }).click();
    await dialog(page).waitFor({ state: 'detached' });
    expect(await page.content()).not.toContain(key);
    const row = adminRow(page, 'API keys', 'CRM sync');
    expect(await row.textContent()).toContain('active');
    expect(await row.textContent()).toContain('never');

    // Try it calls the keyed endpoint with the key: the run is performed by the key's user.
    await page.getByRole('link', { name: 'Workspace' }).click();
    await openFlow(page, 'Keyed Hello');
    await openPanelTab(page, 'Try it');
    const reply = await sendWithKey(page, key, '200 OK');
    expect(reply.data).toEqual({ result: [{ greeting: 'hello' }] });
    expect((await callEndpoint(suite.studio.server, 'Demo', 'Keyed Hello')).status).toBe(401);

    await openAdminSection(page, 'API keys');
    await eventually(async () => expect(await row.textContent()).not.toContain('never'));
    await row.getByRole('button', { name: 'Revoke the key CRM sync' }).click();
    const confirm = page.getByRole('alertdialog', { name: 'Revoke the key “CRM sync”?' });
    await confirm.getByRole('button', { name: 'Revoke key' }).click();
    await eventually(async () => expect(await row.textContent()).toContain('revoked'));

    await page.getByRole('link', { name: 'Workspace' }).click();
    await openFlow(page, 'Keyed Hello');
    await openPanelTab(page, 'Try it');
    const refused = await sendWithKey(page, key, '401 Unauthorized');
    expect(refused).toEqual({ status: 'Fail', message: 'the API key has been revoked' });
    expect(withoutFailedLoads(problems, 401)).toEqual([]);
  });
});
