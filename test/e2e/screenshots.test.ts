import { beforeAll, describe, expect, it } from 'vitest';
import { openDesigner } from './support/designer-browser.js';
import { designerSuite } from './support/designer-suite.js';
import { openFlow, selectNode } from './support/designer-actions.js';
import { screenshotsDir, settle } from './support/screenshots.js';

/** docs/screenshots with UPDATE_SCREENSHOTS=1, else test-results/screenshots. */
const SCREENSHOTS = screenshotsDir();

/** The moment the pictures show: the demo was written ten minutes before it. */
const PICTURE_TIME = Date.parse('2026-03-02T10:30:00Z');
const suite = designerSuite({ clock: { now: () => PICTURE_TIME - 10 * 60_000 } });

beforeAll(() => {
  // Copied URLs as on a default install, rather than on this run's free port.
  suite.studio.server.stores.settings.update({ publicBaseUrl: 'http://127.0.0.1:8080' });
});

describe.each(['light', 'dark'] as const)('screenshots of the designer (%s)', (theme) => {
  it('takes the home, without a CSP violation', async () => {
    const { page, problems } = await openDesigner(suite.profile, suite.studio.server, { theme, fixedTime: PICTURE_TIME });
    await page.getByTestId('application-Demo').waitFor();
    await settle(page);
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe(theme);
    await page.screenshot({ path: `${SCREENSHOTS}/home-${theme}.png` });
    expect(problems).toEqual([]);
  });

  it('takes the canvas with a real flow and a node’s properties, without a CSP violation', async () => {
    const { page, problems } = await openDesigner(suite.profile, suite.studio.server, { theme, fixedTime: PICTURE_TIME });
    await openFlow(page, 'Company Lookup');
    await selectNode(page, 'g');
    await settle(page);
    await page.screenshot({ path: `${SCREENSHOTS}/canvas-${theme}.png` });
    expect(problems).toEqual([]);
  });

  it('takes the endpoint settings', async () => {
    const { page, problems } = await openDesigner(suite.profile, suite.studio.server, { theme, fixedTime: PICTURE_TIME });
    await openFlow(page, 'Companies Since');
    await settle(page);
    await page.screenshot({ path: `${SCREENSHOTS}/endpoint-${theme}.png` });
    expect(problems).toEqual([]);
  });
});
