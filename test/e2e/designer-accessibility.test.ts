import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openDesigner } from './support/designer-browser.js';
import { designerSuite } from './support/designer-suite.js';
import { addNode, eventually, expressionEditor, nodeCard, openFlow, selectNode, typeExpression } from './support/designer-actions.js';
import { dialog, openAdminSection } from './support/admin-actions.js';
import { seriousAccessibilityFindings } from './support/accessibility-scan.js';
import { callEndpoint, openPanelTab } from './support/run-tools-actions.js';
import { adminCall } from './support/studio-server.js';

const suite = designerSuite();

const ADMIN_SECTIONS = ['Users', 'User groups', 'Roles', 'API keys', 'Secret keys', 'Settings', 'Export and import'];

/** Fills the security lists so that every admin table has rows to check. */
async function someSecurity(): Promise<void> {
  const call = (path: string, body: unknown) => adminCall(suite.studio.server, 'POST', path, body);
  await call('/security/users', { name: 'crm-client' });
  await call('/security/user-groups', { name: 'CRM Clients', users: ['crm-client'] });
  await call('/security/roles', { name: 'CRM Callers', privileges: ['Use API Key'], userGroups: ['CRM Clients'], application: 'Demo' });
  await call('/security/api-keys', { user: 'crm-client', label: 'CRM sync' });
  await call('/security/secret-keys', { name: 'CrmToken', value: 'not-shown' });
}

// Each screen is scanned whole once; what then opens or changes on it (a menu, a dialog, a panel's
// tab, a section) is scanned alone, since the rest of the page was scanned as it still is.
const DIALOG = ['.dialog'];
const PANEL = ['.bottom-panel'];

it('the scan reports what it is asked to look at, and only that', async () => {
  const page = await suite.profile.newPage();
  await page.setContent('<main><h1>Scan</h1><button></button><div class="dialog" role="dialog" aria-label="Check"><button></button></div></main>');
  const nameless = async (within?: string[]) =>
    (await seriousAccessibilityFindings(page, within)).filter((finding) => finding.rule === 'button-name').flatMap((finding) => finding.targets);
  expect(await nameless()).toEqual(['main > button', 'div > button']);
  expect(await nameless(['.dialog'])).toEqual(['div > button']);
  await expect(seriousAccessibilityFindings(page, ['.missing'])).rejects.toThrow('nothing on the page matches .missing');
  await page.close();
});

describe.each(['light', 'dark'] as const)('an accessibility scan (axe) in the %s theme', (theme) => {
  const scan = async (page: Page, screen: string, within: readonly string[] = []) => ({ screen, findings: await seriousAccessibilityFindings(page, within) });

  it('finds nothing serious or critical on the home, the canvas, the properties, Try it, the System Console and a table', async () => {
    const { page, problems } = await openDesigner(suite.profile, suite.studio.server, { theme });
    await page.getByTestId('application-Demo').waitFor();
    await callEndpoint(suite.studio.server, 'Demo', 'Companies By Country');
    const results = [await scan(page, 'home')];
    await page.getByRole('button', { name: 'Import and export' }).click();
    results.push(await scan(page, 'home menu', ['[role="menu"]']));
    await page.keyboard.press('Escape');

    await openFlow(page, 'Company Lookup');
    results.push(await scan(page, 'canvas with the flow settings'));
    await selectNode(page, 'g');
    results.push(await scan(page, 'canvas with a node’s properties', ['.properties']));
    const filter = await addNode(page, 'filter');
    await selectNode(page, filter);
    await typeExpression(expressionEditor(page, 'Condition'), ' ');
    await eventually(async () => expect(await nodeCard(page, filter).getAttribute('aria-invalid')).toBe('true'));
    await openPanelTab(page, 'Problems');
    results.push(await scan(page, 'a node with a problem, and the problems', ['.canvas', ...PANEL]));
    await openPanelTab(page, 'Try it');
    results.push(await scan(page, 'Try it', PANEL));
    await page.getByRole('button', { name: 'Endpoint' }).click();
    await page.getByRole('option', { name: 'Demo / Company Count' }).click();
    await page.getByTestId('try-it-key-needed').waitFor();
    results.push(await scan(page, 'Try it on a keyed endpoint, offering a test key', PANEL));
    await page.getByRole('button', { name: 'Create a test key' }).click();
    results.push(await scan(page, 'Try it’s test key dialog', DIALOG));
    await dialog(page).getByRole('button', { name: 'Create key' }).click();
    await dialog(page).getByRole('textbox', { name: 'Test key (shown once)' }).waitFor();
    results.push(await scan(page, 'a test key, shown once', DIALOG));
    await dialog(page).getByRole('button', { name: 'Done' }).click();
    await page.getByRole('button', { name: 'Make this endpoint anonymous' }).waitFor({ state: 'detached' });
    await openPanelTab(page, 'System Console');
    await page.locator('.console-entry').first().click();
    await page.getByTestId('console-detail').waitFor();
    results.push(await scan(page, 'System Console with an entry', PANEL));
    await page.getByRole('link', { name: 'Workspace' }).click();
    await page.getByTestId('table-companies').getByRole('link').click();
    await page.getByRole('grid', { name: 'Rows' }).waitFor();
    results.push(await scan(page, 'table'));
    expect(results.filter((result) => result.findings.length > 0)).toEqual([]);
    expect(problems).toEqual([]);
  });

  it('finds nothing serious or critical on the admin screens and their dialogs', async () => {
    if (theme === 'light') await someSecurity();
    const { page, problems } = await openDesigner(suite.profile, suite.studio.server, { theme });
    const results = [];
    for (const section of ADMIN_SECTIONS) {
      await openAdminSection(page, section);
      results.push(await scan(page, section, section === ADMIN_SECTIONS[0] ? [] : ['.admin-panel']));
    }
    await openAdminSection(page, 'Roles');
    await page.getByRole('button', { name: 'Add role' }).click();
    await dialog(page).waitFor();
    results.push(await scan(page, 'role dialog', DIALOG));
    await page.keyboard.press('Escape');

    await openAdminSection(page, 'API keys');
    await page.getByRole('button', { name: 'Generate key' }).click();
    await dialog(page).getByRole('textbox', { name: 'Label' }).fill(`Scan ${theme}`);
    results.push(await scan(page, 'generate key dialog', DIALOG));
    await dialog(page).getByRole('button', { name: 'Generate key' }).click();
    await page.getByTestId('new-api-key').waitFor();
    results.push(await scan(page, 'new key dialog', DIALOG));
    await dialog(page).getByRole('button', { name: 'Done' }).click();
    await page.getByRole('button', { name: `Revoke the key Scan ${theme}` }).click();
    await page.getByRole('alertdialog', { name: `Revoke the key “Scan ${theme}”?` }).waitFor();
    results.push(await scan(page, 'revoke confirmation', DIALOG));
    await page.keyboard.press('Escape');

    await openAdminSection(page, 'Export and import');
    await page.getByRole('button', { name: 'Import a file…' }).click();
    const chooser = page.waitForEvent('filechooser');
    await dialog(page).getByRole('button', { name: 'Choose a file…' }).click();
    const exported = (await adminCall(suite.studio.server, 'GET', '/export?application=Demo')).body;
    await (await chooser).setFiles({ name: 'Demo.actionflow.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(exported)) });
    await page.getByTestId('import-problems').waitFor();
    results.push(await scan(page, 'import refused', DIALOG));
    await dialog(page)
      .getByRole('radio', { name: /Import under a free name/ })
      .check({ force: true });
    await page.getByTestId('import-preview').waitFor();
    results.push(await scan(page, 'import preview', DIALOG));
    expect(results.filter((result) => result.findings.length > 0)).toEqual([]);
    expect(problems.filter((problem) => !problem.includes('status of 409'))).toEqual([]);
  });
});
