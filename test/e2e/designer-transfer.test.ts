import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openDesigner } from './support/designer-browser.js';
import { designerSuite } from './support/designer-suite.js';
import { eventually, menuAction } from './support/designer-actions.js';
import { dialog } from './support/admin-actions.js';
import { withoutFailedLoads } from './support/run-tools-actions.js';
import { adminCall } from './support/studio-server.js';

const suite = designerSuite();

/** Exports through a menu and returns the downloaded file's name and JSON. */
async function download(page: Page, menu: string, action: string): Promise<{ name: string; document: any; path: string }> {
  const started = page.waitForEvent('download');
  await menuAction(page, menu, action);
  const file = await started;
  const path = join(mkdtempSync(join(suite.studio.dataDir, 'download-')), file.suggestedFilename());
  await file.saveAs(path);
  return { name: file.suggestedFilename(), document: JSON.parse(readFileSync(path, 'utf8')), path };
}

/** Opens the import dialog from the home and chooses `path` in the file input. */
async function importFile(page: Page, path: string): Promise<void> {
  await menuAction(page, 'Import and export', 'Import a file…');
  const chooser = page.waitForEvent('filechooser');
  await dialog(page).getByRole('button', { name: 'Choose a file…' }).click();
  await (await chooser).setFiles(path);
}

describe('export and import', () => {
  it('exports an application as a file download and imports it again under free names with rename', async () => {
    const { page, problems } = await openDesigner(suite.profile, suite.studio.server);
    await page.getByTestId('application-Demo').waitFor();
    const exported = await download(page, 'Actions for application Demo', 'Export…');
    expect(exported.name).toBe('Demo.actionflow.json');
    expect(exported.document.format).toBe('actionflow-workspace');
    expect(exported.document.applications.map((app: { name: string }) => app.name)).toEqual(['Demo']);

    await importFile(page, exported.path);
    await page.getByTestId('import-file-name').filter({ hasText: exported.name }).waitFor();
    // Under the default rule, the taken names refuse the whole file, each named by its JSON path.
    const refused = page.getByTestId('import-problems');
    await refused.waitFor();
    expect(await refused.textContent()).toContain('$.applications[0].actionflows[0].name');
    expect(await dialog(page).getByRole('button', { name: 'Import', exact: true }).isDisabled()).toBe(true);

    await dialog(page)
      .getByRole('radio', { name: /Import under a free name/ })
      .check({ force: true });
    const preview = page.getByTestId('import-preview');
    await eventually(async () => expect(await preview.textContent()).toContain('“Company Lookup” in Demo → “Company Lookup (2)”'));
    expect(
      (await adminCall(suite.studio.server, 'GET', '/workspace')).body.applications[0].actionflows.map((flow: { name: string }) => flow.name),
    ).not.toContain('Company Lookup (2)');

    await dialog(page).getByRole('button', { name: 'Import', exact: true }).click();
    const summary = page.getByTestId('import-summary');
    await summary.waitFor();
    expect(await summary.textContent()).toContain('Imported under a new name');
    await dialog(page).getByRole('button', { name: 'Close' }).click();
    await page.getByTestId('flow-Company Lookup (2)').waitFor();

    const response = await fetch(`${suite.studio.server.url}/phixflow/api/1/action/Demo/Company%20Lookup%20(2)/trigger?name=Acme`);
    const original = await fetch(`${suite.studio.server.url}/phixflow/api/1/action/Demo/Company%20Lookup/trigger?name=Acme`);
    expect(response.status).toBe(original.status);
    const [copyBody, originalBody] = [await response.json(), await original.json()];
    expect(copyBody.data).toEqual(originalBody.data);
    expect(withoutFailedLoads(problems, 409)).toEqual([]);
  });

  it('exports one flow from the canvas toolbar', async () => {
    const { page, problems } = await openDesigner(suite.profile, suite.studio.server);
    await page.getByTestId('flow-Companies Since').getByRole('link').click();
    await page.locator('.react-flow__node').first().waitFor();
    const started = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export this flow' }).click();
    const file = await started;
    const path = join(suite.studio.dataDir, 'one-flow.json');
    await file.saveAs(path);
    const document = JSON.parse(readFileSync(path, 'utf8'));
    expect(file.suggestedFilename()).toBe('Companies Since.actionflow.json');
    expect(document.applications[0].actionflows.map((flow: { name: string }) => flow.name)).toEqual(['Companies Since']);
    expect(document.applications[0].tables.map((table: { name: string }) => table.name)).toEqual(['companies']);
    expect(problems).toEqual([]);
  });

  it('lists the validator’s problems with their JSON paths when a file is refused, and changes nothing', async () => {
    const { page, problems } = await openDesigner(suite.profile, suite.studio.server);
    await page.getByTestId('application-Demo').waitFor();
    const before = (await adminCall(suite.studio.server, 'GET', '/workspace')).body;
    const path = join(suite.studio.dataDir, 'broken.json');
    writeFileSync(
      path,
      JSON.stringify({
        format: 'actionflow-workspace',
        formatVersion: 1,
        applications: [
          {
            name: 'Broken',
            actionflows: [{ name: 'Bad', nodes: [{ id: 'x', type: 'noSuchType', name: 'X', position: { x: 0, y: 0 } }], connections: [], colour: 'red' }],
          },
        ],
      }),
    );
    await importFile(page, path);
    const list = page.getByTestId('import-problems');
    await list.waitFor();
    const text = await list.textContent();
    expect(text).toContain('$.applications[0].actionflows[0]');
    expect(text).toContain('colour');
    expect(await dialog(page).textContent()).toContain('nothing was changed');

    const notJson = join(suite.studio.dataDir, 'not-json.json');
    writeFileSync(notJson, '{"format": ');
    const chooser = page.waitForEvent('filechooser');
    await dialog(page).getByRole('button', { name: 'Choose another file…' }).click();
    await (await chooser).setFiles(notJson);
    await eventually(async () => expect(await page.getByTestId('import-problems').textContent()).toContain('not valid JSON'));
    await page.keyboard.press('Escape');
    await dialog(page).waitFor({ state: 'detached' });
    expect((await adminCall(suite.studio.server, 'GET', '/workspace')).body).toEqual(before);
    expect(withoutFailedLoads(problems, 400)).toEqual([]);
  });
});
