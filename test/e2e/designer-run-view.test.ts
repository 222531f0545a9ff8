import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openDesigner } from './support/designer-browser.js';
import { designerSuite } from './support/designer-suite.js';
import { ORDER_CHECKS } from './support/order-checks-flow.js';
import { canvasNode, eventually, expressionEditor, nodeCard, openFlow, save, selectNode, typeExpression } from './support/designer-actions.js';
import { callEndpoint, consoleEntries, createFlowElsewhere, editorText, openPanelTab, withoutFailedLoads } from './support/run-tools-actions.js';

const suite = designerSuite();

const ORDERS = ORDER_CHECKS;

const countOn = (page: Page, edge: string) => page.getByTestId(`edge-count-${edge}`).textContent();

async function showRunFromConsole(page: Page): Promise<void> {
  await openPanelTab(page, 'System Console');
  await consoleEntries(page).filter({ hasText: 'Order Checks' }).first().click();
  await page.getByTestId('run-bar').waitFor();
}

describe('a run on its flow', () => {
  it('draws a console entry’s run: records on each connection, the branch taken, the failing node, each node’s records; a message selects its node', async () => {
    const { page, problems } = await openDesigner(suite.profile, suite.studio.server);
    await createFlowElsewhere(page, suite.studio.server, 'Demo', ORDERS);
    const reply = await callEndpoint(suite.studio.server, 'Demo', 'Order Checks', {
      method: 'POST',
      body: JSON.stringify({ items: [{ n: 2 }, { n: 3 }, { n: 4 }] }),
    });
    expect(reply.body.errors).toHaveLength(1);
    await openFlow(page, 'Order Checks');
    await showRunFromConsole(page);

    await eventually(async () => expect(await countOn(page, 'in->split')).toBe('1'));
    expect(await countOn(page, 'split->even')).toBe('3');
    expect(await countOn(page, 'even.true->o')).toBe('2');
    expect(await countOn(page, 'even.false->odd')).toBe('1');
    expect(await countOn(page, 'odd->o')).toBe('0');
    expect(await page.locator('.react-flow__edge[data-id="odd->o"] .flow-edge').getAttribute('class')).toContain('is-run-idle');
    expect(await nodeCard(page, 'odd').getAttribute('class')).toContain('has-run-error');
    expect(await page.getByTestId('node-run-odd').textContent()).toContain('1 failed: odd item 3');
    expect(await page.getByTestId('run-bar').textContent()).toContain('Records failed at “Halve”: odd item 3');

    // The gateway's records: 3 in, and each one out by the point it took.
    await selectNode(page, 'even');
    const records = page.getByTestId('node-run');
    expect(await records.getByRole('button', { name: /^Input/ }).textContent()).toBe('Input 3');
    await records.getByRole('button', { name: /^Output/ }).click();
    expect(await page.getByTestId('node-run-position').textContent()).toBe('Record 1 of 3, sent by true');
    expect(JSON.parse(await editorText(page.getByTestId('node-run-record')))).toMatchObject({ n: 2 });
    await records.getByRole('button', { name: 'Next record' }).click();
    expect(await page.getByTestId('node-run-position').textContent()).toBe('Record 2 of 3, sent by false');

    // The error message of the console selects the node that failed.
    await page.getByRole('button', { name: 'Select “Halve” on the canvas' }).click();
    await eventually(async () => expect(await canvasNode(page, 'odd').getAttribute('class')).toContain('selected'));
    expect(await page.getByTestId('node-run').locator('.node-run-error').textContent()).toBe('1 record failed here: odd item 3');

    // The expression fields preview their value on the node's first record of the run, as they are typed.
    const expression = expressionEditor(page, 'Expression');
    await eventually(async () => expect(await page.getByTestId('expression-preview').textContent()).toBe('On the run’s first record:odd item 3'));
    await typeExpression(expression, 'n * 10');
    await eventually(async () => expect(await page.getByTestId('expression-preview').textContent()).toBe('On the run’s first record:30'));
    await typeExpression(expression, '_datasource.Key');
    await eventually(async () => expect(await page.getByTestId('expression-preview').textContent()).toMatch(/not previewed: secret values stay write-only/));

    expect(withoutFailedLoads(problems)).toEqual([]);
  });

  it('says so instead of drawing the run once the flow has been saved since it ran', async () => {
    const { page } = await openDesigner(suite.profile, suite.studio.server);
    await openFlow(page, 'Order Checks');
    await showRunFromConsole(page);
    await eventually(async () => expect(await countOn(page, 'split->even')).toBe('3'));
    await selectNode(page, 'odd');
    await page.getByLabel('Name', { exact: true }).fill('Halve It');
    await save(page);
    await eventually(async () =>
      expect(await page.getByTestId('run-bar').textContent()).toMatch(/ran revision 1; the flow has been saved since \(revision 2\)/),
    );
    expect(await page.getByTestId('edge-count-split->even').count()).toBe(0);
  });

  it('draws the run of a Try it reply', async () => {
    const { page } = await openDesigner(suite.profile, suite.studio.server);
    await openFlow(page, 'Order Checks');
    await openPanelTab(page, 'Try it');
    const body = page.getByTestId('try-it-body').locator('.cm-content');
    await body.click();
    await body.press('ControlOrMeta+a');
    await body.pressSequentially('{"items": [{"n": 6}]}');
    await page.getByRole('button', { name: 'Send', exact: true }).click();
    await page.getByTestId('run-bar').waitFor();
    await eventually(async () => expect(await countOn(page, 'even.true->o')).toBe('1'));
    expect(await countOn(page, 'even.false->odd')).toBe('0');
  });
});
