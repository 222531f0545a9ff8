import { describe, expect, it } from 'vitest';
import { adminCall } from './support/studio-server.js';
import { openDesigner } from './support/designer-browser.js';
import { designerSuite } from './support/designer-suite.js';
import { eventually, openFlow, save, showFlowSettings } from './support/designer-actions.js';

const suite = designerSuite();

describe('saving a flow that was changed elsewhere', () => {
  it('explains the conflict, keeps the edits on "Keep editing", never overwrites, and reloads the saved version on request', async () => {
    const { page, problems } = await openDesigner(suite.profile, suite.studio.server);
    await openFlow(page, 'Companies By Country');
    await showFlowSettings(page);
    const description = page.getByLabel('Description');
    await description.fill('Edited in the designer');

    // Another window (or the CLI) saves the same flow first.
    const current = await adminCall(suite.studio.server, 'GET', '/applications/Demo/actionflows/Companies%20By%20Country');
    const elsewhere = await adminCall(suite.studio.server, 'PUT', '/applications/Demo/actionflows/Companies%20By%20Country', {
      baseRevision: current.body.revision,
      flow: { ...current.body.flow, description: 'Edited elsewhere' },
    });
    expect(elsewhere.status).toBe(200);

    await page.getByRole('button', { name: 'Save', exact: true }).click();
    const dialog = page.getByRole('alertdialog');
    await dialog.waitFor();
    expect(await dialog.textContent()).toContain('This flow was changed elsewhere');
    expect(await dialog.textContent()).toContain(`revision ${elsewhere.body.revision}`);

    await dialog.getByRole('button', { name: 'Keep editing' }).click();
    await dialog.waitFor({ state: 'detached' });
    expect(await description.inputValue()).toBe('Edited in the designer');
    expect(await page.getByTestId('unsaved').count()).toBe(1);
    const kept = await adminCall(suite.studio.server, 'GET', '/applications/Demo/actionflows/Companies%20By%20Country');
    expect(kept.body.flow.description).toBe('Edited elsewhere');

    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await dialog.waitFor();
    await dialog.getByRole('button', { name: 'Reload and discard my edits' }).click();
    await dialog.waitFor({ state: 'detached' });
    await eventually(async () => expect(await page.getByLabel('Description').inputValue()).toBe('Edited elsewhere'));
    expect(await page.getByTestId('unsaved').count()).toBe(0);

    // Editing on from the reloaded version saves normally.
    await page.getByLabel('Description').fill('Edited after reloading');
    await save(page);
    const saved = await adminCall(suite.studio.server, 'GET', '/applications/Demo/actionflows/Companies%20By%20Country');
    expect(saved.body.flow.description).toBe('Edited after reloading');
    expect(saved.body.revision).toBe(elsewhere.body.revision + 1);
    // The refused saves are the only errors the browser logged.
    expect(problems.filter((problem) => !problem.includes('409 (Conflict)'))).toEqual([]);
  });
});

describe('renaming a flow in its settings', () => {
  it('saves it under the new name, follows it in the address bar and keeps it open', async () => {
    const { page, problems } = await openDesigner(suite.profile, suite.studio.server);
    await openFlow(page, 'Company Lookup');
    await showFlowSettings(page);
    await page.getByTestId('flow-settings').getByLabel('Name', { exact: true }).first().fill('Find Company');
    await save(page);
    await eventually(async () => expect(await page.evaluate(() => window.location.hash)).toBe('#/apps/Demo/flows/Find%20Company'));
    await page.getByTestId('trigger-url').waitFor();
    expect(await page.getByTestId('trigger-url').textContent()).toContain('/Demo/Find%20Company/trigger');
    expect(await page.getByTestId('unsaved').count()).toBe(0);
    expect((await adminCall(suite.studio.server, 'GET', '/applications/Demo/actionflows/Company%20Lookup')).status).toBe(404);
    expect((await adminCall(suite.studio.server, 'GET', '/applications/Demo/actionflows/Find%20Company')).status).toBe(200);
    expect(problems).toEqual([]);
  });
});
