import { beforeAll, describe, expect, it } from 'vitest';
import { openDesigner } from './support/designer-browser.js';
import { designerSuite } from './support/designer-suite.js';
import { openFlow, selectNode } from './support/designer-actions.js';
import { openPanelTab } from './support/run-tools-actions.js';
import { screenshotsDir, settle } from './support/screenshots.js';
import { adminCall } from './support/studio-server.js';

const SCREENSHOTS = screenshotsDir();
const suite = designerSuite();

const at = (column: number, row = 0) => ({ x: column * 260, y: row * 140 });
const link = (id: string, from: string, to: string, point = 'out') => ({ id, from: { node: from, point }, to: { node: to, point: 'in' } });

beforeAll(async () => {
  // A flow with a typo: the gateway reads "totl", which nothing sets, and its false point leads nowhere.
  await adminCall(suite.studio.server, 'POST', '/applications/Demo/actionflows', {
    name: 'Big Orders',
    api: { allowAnonymous: true },
    nodes: [
      { id: 'in', type: 'apiInput', name: 'In', position: at(0) },
      { id: 'p', type: 'calculate', name: 'Parse', position: at(1), config: { attributes: [{ name: 'total', expression: '$parseJson(body).total' }] } },
      { id: 'g', type: 'gateway', name: 'Big?', position: at(2), config: { condition: 'totl > 100' } },
      { id: 'big', type: 'output', name: 'big', position: at(3, -0.5) },
    ],
    connections: [link('c1', 'in', 'p'), link('c2', 'p', 'g'), link('c3', 'g', 'big', 'true')],
  });
});

describe('screenshots of the checks', () => {
  it('takes a flow with warnings, on its node and in the Problems tab', async () => {
    const { page, problems } = await openDesigner(suite.profile, suite.studio.server, { theme: 'light' });
    await openFlow(page, 'Big Orders');
    await selectNode(page, 'g');
    await openPanelTab(page, 'Problems');
    await page.locator('li[data-tone="warning"]').first().waitFor();
    await settle(page);
    await page.screenshot({ path: `${SCREENSHOTS}/flow-warnings-light.png` });
    expect(problems).toEqual([]);
  });

  it('takes the completion of an expression field', async () => {
    const { page, problems } = await openDesigner(suite.profile, suite.studio.server, { theme: 'light' });
    await openFlow(page, 'Big Orders');
    await selectNode(page, 'g');
    const content = page.locator('.properties .expression-field .cm-content').first();
    await content.click();
    await content.press('End');
    await content.pressSequentially(' and $');
    await page.getByRole('listbox').waitFor();
    await settle(page);
    await page.screenshot({ path: `${SCREENSHOTS}/expression-completion-light.png` });
    expect(problems).toEqual([]);
  });
});
