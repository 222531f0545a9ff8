import { describe, expect, it } from 'vitest';
import { adminCall } from './support/studio-server.js';
import { openDesigner } from './support/designer-browser.js';
import { designerSuite } from './support/designer-suite.js';
import {
  addNode,
  canvasNode,
  connect,
  createEndpoint,
  edgeIds,
  eventually,
  expressionEditor,
  nodeCard,
  save,
  selectNode,
  showFlowSettings,
  typeExpression,
} from './support/designer-actions.js';

const suite = designerSuite();

describe('building an API endpoint in the designer', () => {
  it('creates an endpoint, adds and connects a calculate node, fixes an expression, saves, and the endpoint answers at once', async () => {
    const { page, problems } = await openDesigner(suite.profile, suite.studio.server);
    await page.getByRole('heading', { name: 'Demo' }).waitFor();

    await createEndpoint(page, 'Greeting');
    expect(await edgeIds(page)).toEqual(['c1']);

    // Put a calculate node between the input and the output.
    await page.locator('.react-flow__edge[data-id="c1"]').click({ force: true });
    await page.keyboard.press('Delete');
    await eventually(async () => expect(await edgeIds(page)).toEqual([]));
    const calculate = await addNode(page, 'calculate');
    expect(calculate).toBe('calculate');
    await connect(page, { node: 'in' }, { node: calculate });
    await connect(page, { node: calculate }, { node: 'result' });
    await eventually(async () => expect((await edgeIds(page)).sort()).toEqual(['c1', 'c2']));

    // An expression with a parse error says so as it is typed, with where; fixing it clears it.
    await selectNode(page, calculate);
    await page.getByLabel('Attribute', { exact: true }).fill('greeting');
    const expression = expressionEditor(page, 'Expression');
    await typeExpression(expression, '"hello " & ');
    await eventually(async () => expect(await expression.locator('.field-error').textContent()).toMatch(/Unexpected end of expression \(line 1, column \d+\)/));
    await eventually(async () => expect(await nodeCard(page, calculate).getAttribute('aria-invalid')).toBe('true'));
    await typeExpression(expression, '"hello " & $parseJson(body).name');
    await eventually(async () => expect(await expression.locator('.field-error').count()).toBe(0));
    await eventually(async () => expect(await nodeCard(page, calculate).getAttribute('aria-invalid')).toBe(null));
    expect(await canvasNode(page, calculate).textContent()).toContain('greeting');

    // The endpoint's settings: anonymous callers, and the trigger URL to call.
    await showFlowSettings(page);
    await page.getByText('Allow Anonymous Connections', { exact: true }).click();
    const triggerUrl = await page.getByTestId('trigger-url').textContent();
    expect(triggerUrl).toBe(`${suite.studio.server.url}/phixflow/api/1/action/Demo/Greeting/trigger`);

    await expect(page.getByTestId('unsaved').isVisible()).resolves.toBe(true);
    await save(page);

    const stored = await adminCall(suite.studio.server, 'GET', '/applications/Demo/actionflows/Greeting');
    expect(stored.body.flow.api.allowAnonymous).toBe(true);
    expect(stored.body.flow.nodes.map((node: { type: string }) => node.type)).toEqual(['apiInput', 'output', 'calculate']);

    const reply = await fetch(triggerUrl!, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ name: 'Ada' }) });
    expect(reply.status).toBe(200);
    const body = await reply.json();
    expect(body.status).toBe('Success');
    expect(body.data.result).toEqual([expect.objectContaining({ greeting: 'hello Ada' })]);

    expect(problems).toEqual([]);
  });

  it('shows a validation problem on the node while a required setting is empty', async () => {
    const { page, problems } = await openDesigner(suite.profile, suite.studio.server);
    await createEndpoint(page, 'Checked');
    const filter = await addNode(page, 'filter');
    await selectNode(page, filter);
    await typeExpression(expressionEditor(page, 'Condition'), ' ');
    await eventually(async () => expect(await nodeCard(page, filter).getAttribute('aria-invalid')).toBe('true'));
    expect(await nodeCard(page, filter).locator('.flow-node-problem').getAttribute('title')).toContain('Condition is required');
    await typeExpression(expressionEditor(page, 'Condition'), 'true');
    await eventually(async () => expect(await nodeCard(page, filter).getAttribute('aria-invalid')).toBe(null));
    expect(problems).toEqual([]);
  });

  it('narrows the palette to the node types matching a search', async () => {
    const { page, problems } = await openDesigner(suite.profile, suite.studio.server);
    await createEndpoint(page, 'Searched');
    await page.getByLabel('Search node types').fill('table');
    expect(await page.locator('.palette-item').allTextContents()).toEqual(['Read Table', 'Save Table']);
    await page.getByLabel('Search node types').fill('zzz');
    expect(await page.locator('.palette-empty').textContent()).toContain('No node type matches');
    await page.getByLabel('Search node types').fill('');
    expect(await page.locator('.palette-item').count()).toBe(14);
    expect(problems).toEqual([]);
  });
});
