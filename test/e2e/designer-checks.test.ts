import { describe, expect, it } from 'vitest';
import { adminCall } from './support/studio-server.js';
import { openDesigner } from './support/designer-browser.js';
import { designerSuite } from './support/designer-suite.js';
import {
  addNode,
  connect,
  dragNode,
  createEndpoint,
  edgeIds,
  eventually,
  expressionEditor,
  nodeCard,
  openFlow,
  save,
  selectNode,
  showFlowSettings,
  typeExpression,
} from './support/designer-actions.js';
import { editorText, openPanelTab } from './support/run-tools-actions.js';

const suite = designerSuite();

describe('checks in the designer', () => {
  it('refuses to save a live endpoint whose gateway condition does not parse, and keeps the edits', async () => {
    const { page, problems } = await openDesigner(suite.profile, suite.studio.server);
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
    const { page, problems } = await openDesigner(suite.profile, suite.studio.server);
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
    await expect
      .poll(() => nodeCard(page, gateway).locator('.flow-node-warning').getAttribute('aria-label'))
      .toContain('reads "totl", which no node upstream sets; did you mean "total"?');
    await openPanelTab(page, 'Problems');
    const rows = page.getByRole('tabpanel', { name: /^Problems/ }).locator('li[data-tone="warning"]');
    await expect
      .poll(() => rows.allTextContents())
      .toEqual([
        expect.stringContaining('the "false" point of'),
        expect.stringContaining('did you mean "total"?'),
        expect.stringContaining('no record can reach'),
      ]);

    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.getByTestId('unsaved').waitFor({ state: 'detached' });
    await page.getByText('It has 3 warning(s); see the Problems tab.').waitFor();
    expect(problems).toEqual([]);
  });

  it('says before saving that a rename changes the URL, and Try it and the undo history follow the new name', async () => {
    const { page, problems } = await openDesigner(suite.profile, suite.studio.server);
    await createEndpoint(page, 'Old Name');
    await showFlowSettings(page);
    await page.getByText('Allow Anonymous Connections', { exact: true }).click();
    await save(page);
    await openPanelTab(page, 'Try it');
    await expect.poll(() => page.getByTestId('try-it-url').textContent()).toContain('/Demo/Old%20Name/trigger');

    await showFlowSettings(page);
    await page.getByLabel('Name', { exact: true }).fill('New Name');
    const note = page.getByTestId('rename-url-change');
    await expect
      .poll(() => note.textContent())
      .toBe(
        'Saving changes this endpoint’s URL from /phixflow/api/1/action/Demo/Old%20Name/trigger to /phixflow/api/1/action/Demo/New%20Name/trigger: callers of the old URL will get 404.',
      );
    await save(page);
    await note.waitFor({ state: 'detached' });

    const call = (name: string) =>
      fetch(`${suite.studio.server.url}/phixflow/api/1/action/Demo/${encodeURIComponent(name)}/trigger`, { method: 'POST' }).then((reply) => reply.status);
    expect(await call('Old Name')).toBe(404);
    expect(await call('New Name')).toBe(200);
    await expect.poll(() => page.getByTestId('try-it-url').textContent()).toContain('/Demo/New%20Name/trigger');
    expect(await page.getByRole('button', { name: 'Undo' }).isEnabled()).toBe(true);
    await page.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => page.getByLabel('Name', { exact: true }).inputValue()).toBe('Old Name');
    expect(problems).toEqual([]);
  });

  it('completes the attribute names that reach a node and the $ functions, with their signatures', async () => {
    const { page, problems } = await openDesigner(suite.profile, suite.studio.server);
    await openFlow(page, 'Companies By Country');
    await selectNode(page, 'k');
    const field = expressionEditor(page, 'Expression', 1);
    await typeExpression(field, '$count(comp');
    const list = page.getByRole('listbox', { name: 'Completions for Expression' });
    await expect.poll(() => list.getByRole('option').allTextContents()).toEqual(['companiesattribute']);
    await field.locator('.cm-content').press('Enter');
    await field.locator('.cm-content').pressSequentially(') & $upp');
    await expect.poll(() => list.getByRole('option').allTextContents()).toEqual(['$uppercase$uppercase(text)']);
    await field.locator('.cm-content').press('Enter');
    await expect.poll(() => editorText(field)).toBe('$count(companies) & $uppercase(');
    expect(problems).toEqual([]);
  });
});
