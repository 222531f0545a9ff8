import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { adminCall } from './support/studio-server.js';
import { openDesigner } from './support/designer-browser.js';
import { designerSuite } from './support/designer-suite.js';
import { eventually, menuAction } from './support/designer-actions.js';

const suite = designerSuite();

const flowRow = (page: Page, name: string) => page.getByTestId(`flow-${name}`);

async function answerNameDialog(page: Page, name: string): Promise<void> {
  const dialog = page.getByRole('dialog');
  const field = dialog.getByRole('textbox').last();
  await field.fill(name);
  await field.press('Enter');
  await dialog.waitFor({ state: 'detached' });
}

describe('the home', () => {
  it('lists applications with their actionflows, endpoints marked, and tables', async () => {
    const { page, problems } = await openDesigner(suite.profile, suite.studio.server);
    const demo = page.getByTestId('application-Demo');
    await demo.waitFor();
    expect(await demo.getByRole('heading', { level: 2 }).textContent()).toBe('Demo');
    expect(await demo.locator('.item-row .item-name').allTextContents()).toEqual([
      'Companies By Country',
      'Companies Since',
      'Company Count',
      'Company Lookup',
      'Register Company',
      'companies',
    ]);
    expect(await demo.getByLabel('API endpoint').count()).toBe(5);
    expect(await page.getByTestId('table-companies').textContent()).toContain('3 columns · 36 rows');
    expect(problems).toEqual([]);
  });

  it('creates and renames an application, duplicates, renames and deletes a flow', async () => {
    const { page, problems } = await openDesigner(suite.profile, suite.studio.server);
    await page.getByTestId('application-Demo').waitFor();

    await page.getByRole('button', { name: 'New application' }).click();
    await answerNameDialog(page, 'Billing');
    await page.getByTestId('application-Billing').waitFor();
    await menuAction(page, 'Actions for application Billing', 'Rename…');
    await answerNameDialog(page, 'Invoices');
    await page.getByTestId('application-Invoices').waitFor();
    expect(await page.getByTestId('application-Billing').count()).toBe(0);

    await menuAction(page, 'Actions for Company Lookup', 'Duplicate');
    await flowRow(page, 'Company Lookup copy').waitFor();
    await menuAction(page, 'Actions for Company Lookup copy', 'Rename…');
    await answerNameDialog(page, 'Lookup Two');
    await flowRow(page, 'Lookup Two').waitFor();
    const copy = await adminCall(suite.studio.server, 'GET', '/applications/Demo/actionflows/Lookup%20Two');
    expect(copy.body.flow.nodes).toHaveLength(6);

    await menuAction(page, 'Actions for Lookup Two', 'Delete…');
    const confirm = page.getByRole('alertdialog');
    await eventually(async () => expect(await confirm.textContent()).toContain('Nothing refers to it'));
    await confirm.getByRole('button', { name: 'Delete' }).click();
    await flowRow(page, 'Lookup Two').waitFor({ state: 'detached' });
    expect((await adminCall(suite.studio.server, 'GET', '/applications/Demo/actionflows/Lookup%20Two')).status).toBe(404);
    expect(problems).toEqual([]);
  });

  it('lists what refers to a table before deleting it, and deletes nothing on cancel', async () => {
    const { page, problems } = await openDesigner(suite.profile, suite.studio.server);
    await page.getByTestId('table-companies').waitFor();
    await menuAction(page, 'Actions for table companies', 'Delete…');
    const confirm = page.getByRole('alertdialog');
    const references = confirm.getByTestId('references');
    await references.waitFor();
    expect(await references.textContent()).toContain('node "Read" in Demo / Companies Since');
    expect(await confirm.getByRole('button', { name: 'Delete anyway' }).count()).toBe(1);
    await confirm.getByRole('button', { name: 'Cancel' }).click();
    await confirm.waitFor({ state: 'detached' });
    expect((await adminCall(suite.studio.server, 'GET', '/applications/Demo/tables/companies')).status).toBe(200);
    expect(problems).toEqual([]);
  });

  it('creates a new API endpoint with its input and a connected output named result, and opens it', async () => {
    const { page, problems } = await openDesigner(suite.profile, suite.studio.server);
    await page.getByTestId('application-Demo').waitFor();
    await page.getByTestId('application-Demo').getByRole('button', { name: 'New API Endpoint' }).click();
    await answerNameDialog(page, 'Fresh');
    await page.locator('.react-flow__node[data-id="result"]').waitFor();
    expect(await page.locator('.flow-node-name').allTextContents()).toEqual(['In', 'result']);
    const created = await adminCall(suite.studio.server, 'GET', '/applications/Demo/actionflows/Fresh');
    expect(created.body.flow.connections).toEqual([{ id: 'c1', from: { node: 'in', point: 'out' }, to: { node: 'result', point: 'in' } }]);
    expect(await page.evaluate(() => window.location.hash)).toBe('#/apps/Demo/flows/Fresh');
    expect(problems).toEqual([]);
  });
});

describe('an endpoint name used in two applications', () => {
  it('warns that the version 10 URL became ambiguous', async () => {
    const { page, problems } = await openDesigner(suite.profile, suite.studio.server);
    await page.getByTestId('application-Demo').waitFor();
    await page.getByRole('button', { name: 'New application' }).click();
    await answerNameDialog(page, 'Partners');
    await page.getByTestId('application-Partners').getByRole('button', { name: 'New API Endpoint' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Endpoint name').fill('Company Lookup');
    await dialog.getByRole('button', { name: 'Create and open' }).click();
    await page.locator('.react-flow__node[data-id="result"]').waitFor();
    const warning = page.locator('.toast-warning');
    await warning.waitFor();
    expect(await warning.textContent()).toContain('version 10 URL');
    expect(await warning.textContent()).toContain('ambiguous');
    expect(problems).toEqual([]);
  });
});
