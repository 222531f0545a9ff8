import { describe, expect, it } from 'vitest';
import { seriousAccessibilityFindings } from './support/accessibility-scan.js';
import { eventually, openFlow, selectNode } from './support/designer-actions.js';
import { openDesigner } from './support/designer-browser.js';
import { designerSuite } from './support/designer-suite.js';
import { ORDER_CHECKS } from './support/order-checks-flow.js';
import { callEndpoint, consoleEntries, createFlowElsewhere, openPanelTab, withoutFailedLoads } from './support/run-tools-actions.js';
import { screenshotsDir, settle } from './support/screenshots.js';

/** docs/screenshots with UPDATE_SCREENSHOTS=1, else test-results/screenshots. */
const SCREENSHOTS = screenshotsDir();

describe.each(['light', 'dark'] as const)('the run view (%s)', (theme) => {
  const suite = designerSuite();

  it('takes a run with a gateway and a failure on its flow, and axe finds nothing serious there', async () => {
    const { page, problems } = await openDesigner(suite.profile, suite.studio.server, { theme });
    await page.evaluate(() => window.localStorage.setItem('actionflow-studio:panel-height', '300'));
    await createFlowElsewhere(page, suite.studio.server, 'Demo', ORDER_CHECKS);
    await callEndpoint(suite.studio.server, 'Demo', 'Order Checks', { method: 'POST', body: JSON.stringify({ items: [{ n: 2 }, { n: 3 }, { n: 4 }] }) });
    await openFlow(page, 'Order Checks');
    await openPanelTab(page, 'System Console');
    await consoleEntries(page).first().click();
    await eventually(async () => expect(await page.getByTestId('edge-count-split->even').textContent()).toBe('3'));
    await page.locator('.console-message[data-kind="Error"] .message-head').click();
    await selectNode(page, 'even');
    await page
      .getByTestId('node-run')
      .getByRole('button', { name: /^Output/ })
      .click();
    await page.getByRole('toolbar', { name: 'Flow' }).getByRole('button', { name: 'Fit view' }).click();
    await page.mouse.move(720, 120);
    await settle(page);
    await page.screenshot({ path: `${SCREENSHOTS}/run-view-${theme}.png` });

    expect(await seriousAccessibilityFindings(page)).toEqual([]);
    expect(withoutFailedLoads(problems)).toEqual([]);
  });
});
