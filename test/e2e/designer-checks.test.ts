import { describe, expect, it } from 'vitest';
import { adminCall } from './support/studio-server.js';
import { openDesigner } from './support/designer-browser.js';
import { designerSuite } from './support/designer-suite.js';
import { addNode, connect, dragNode, createEndpoint, edgeIds, eventually, expressionEditor, nodeCard, typeExpression } from './support/designer-actions.js';
import { openPanelTab } from './support/run-tools-actions.js';

const suite = designerSuite();

describe('checks in the designer', () => {
  it('refuses to save a live endpoint whose gateway condition does not parse, and keeps the edits', async () => {
    const { page, problems } = await openDesigner(suite.browser, suite.studio.server);
    await createEndpoint(page, 'Big Orders');
    const gateway = await addNode(page, 'gateway');
    await typeExpression(expressionEditor(page, 'Condition'), 'total > (100');
    await connect(page, { node: 'in' }, { node: gateway });
    await connect(page, { node: gateway, point: 'true' }, { node: 'result' });
    await eventually(async () => expect(await edgeIds(page)).toHaveLength(3));

    await expect.poll(() => nodeCard(page, gateway).getAttribute('aria-invalid')).toBe('true');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.getByText('Not saved: the flow has problems').waitFor();
    await page.getByTestId('unsaved').waitFor();
    const stored = await adminCall(suite.studio.server, 'GET', '/applications/Demo/actionflows/Big%20Orders');
    expect(stored.body.flow.nodes.map((node: { type: string }) => node.type)).toEqual(['apiInput', 'output']);
    // The browser logs the refused save's 400 itself.
    expect(problems.filter((problem) => !problem.includes('status of 400'))).toEqual([]);
  });

  it('shows warnings on the nodes and in the Problems tab, and saves with them', async () => {
    const { page, problems } = await openDesigner(suite.browser, suite.studio.server);
    await createEndpoint(page, 'Typos');
    await page.locator('.react-flow__edge[data-id="c1"]').click({ force: true });
    await page.keyboard.press('Delete');
    await eventually(async () => expect(await edgeIds(page)).toEqual([]));
    const calculate = await addNode(page, 'calculate');
    await page.getByLabel('Attribute', { exact: true }).first().fill('total');
    await typeExpression(expressionEditor(page, 'Expression'), '$parseJson(body).total');
    await dragNode(page, calculate, { x: -220, y: 180 });
    const gateway = await addNode(page, 'gateway');
    await typeExpression(expressionEditor(page, 'Condition'), 'totl > 100');
    await dragNode(page, gateway, { x: 120, y: 200 });
    const stray = await addNode(page, 'filter');
    await dragNode(page, stray, { x: 0, y: -200 });
    await connect(page, { node: 'in' }, { node: calculate });
    await connect(page, { node: calculate }, { node: gateway });
    await connect(page, { node: gateway, point: 'true' }, { node: 'result' });
    await eventually(async () => expect(await edgeIds(page)).toHaveLength(3));

    await nodeCard(page, stray).locator('.flow-node-warning').waitFor();
    await expect.poll(() => nodeCard(page, gateway).locator('.flow-node-warning').getAttribute('aria-label')).toContain('reads "totl", which no node upstream sets; did you mean "total"?');
    await openPanelTab(page, 'Problems');
    const rows = page.getByRole('tabpanel', { name: /^Problems/ }).locator('li[data-tone="warning"]');
    await expect.poll(() => rows.allTextContents()).toEqual([
      expect.stringContaining('the "false" point of'),
      expect.stringContaining('did you mean "total"?'),
      expect.stringContaining('no record can reach'),
    ]);

    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.getByTestId('unsaved').waitFor({ state: 'detached' });
    await page.getByText('It has 3 warning(s); see the Problems tab.').waitFor();
    expect(problems).toEqual([]);
  });
});
