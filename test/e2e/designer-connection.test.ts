import { describe, expect, it } from 'vitest';
import { adminCall } from './support/studio-server.js';
import { openDesigner } from './support/designer-browser.js';
import { designerSuite } from './support/designer-suite.js';
import { eventually, openFlow, save, showFlowSettings } from './support/designer-actions.js';

const suite = designerSuite();

const flowPath = '/applications/Demo/actionflows/Companies%20Since';

describe('when the server goes away', () => {
  it('shows a banner, keeps the edits, retries until the server is back, then saves', async () => {
    const { page } = await openDesigner(suite.profile, suite.studio.server);
    await openFlow(page, 'Companies Since');
    await showFlowSettings(page);
    await page.getByLabel('Description').fill('Edited while the server restarts');

    await suite.studio.stop();
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.getByTestId('offline-banner').waitFor();
    expect(await page.getByTestId('offline-banner').textContent()).toContain('The server cannot be reached');
    expect(await page.getByText('Not saved: the server cannot be reached').count()).toBe(1);
    expect(await page.getByLabel('Description').inputValue()).toBe('Edited while the server restarts');
    expect(await page.getByTestId('unsaved').count()).toBe(1);

    await suite.studio.restart();
    await page.getByTestId('offline-banner').waitFor({ state: 'detached', timeout: 20_000 });
    await save(page);
    expect((await adminCall(suite.studio.server, 'GET', flowPath)).body.flow.description).toBe('Edited while the server restarts');
  });

  it('keeps unsaved edits across a reload of the page', async () => {
    const { page, problems } = await openDesigner(suite.profile, suite.studio.server);
    await openFlow(page, 'Companies Since');
    await showFlowSettings(page);
    await page.getByLabel('Description').fill('Not saved before the reload');
    await page.getByLabel('Description').blur();

    await page.reload();
    await page.getByTestId('flow-settings').waitFor();
    expect(await page.evaluate(() => window.location.hash)).toBe('#/apps/Demo/flows/Companies%20Since');
    await eventually(async () => expect(await page.getByLabel('Description').inputValue()).toBe('Not saved before the reload'));
    expect(await page.getByTestId('unsaved').count()).toBe(1);
    expect(await page.getByText('Unsaved edits restored').count()).toBe(1);
    expect((await adminCall(suite.studio.server, 'GET', flowPath)).body.flow.description).not.toBe('Not saved before the reload');

    await save(page);
    await page.reload();
    await page.getByTestId('flow-settings').waitFor();
    expect(await page.getByTestId('unsaved').count()).toBe(0);
    expect(problems).toEqual([]);
  });
});
