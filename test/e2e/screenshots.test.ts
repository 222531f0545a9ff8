import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openDesigner } from './support/designer-browser.js';
import { designerSuite } from './support/designer-suite.js';
import { openFlow, selectNode } from './support/designer-actions.js';

/** Where the docs keep the pictures of the designer (docs/designer.md shows them). */
const SCREENSHOTS = resolve(fileURLToPath(new URL('../../docs/screenshots', import.meta.url)));

const suite = designerSuite();

beforeAll(() => mkdirSync(SCREENSHOTS, { recursive: true }));

/** Waits for the fonts and for animations to settle, so the picture is what a user sees. */
async function settle(page: Page): Promise<void> {
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  await page.waitForTimeout(400);
}

describe.each(['light', 'dark'] as const)('screenshots of the designer (%s)', (theme) => {
  it('takes the home, without a CSP violation', async () => {
    const { page, problems } = await openDesigner(suite.browser, suite.studio.server, { theme });
    await page.getByTestId('application-Demo').waitFor();
    await settle(page);
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe(theme);
    await page.screenshot({ path: `${SCREENSHOTS}/home-${theme}.png` });
    expect(problems).toEqual([]);
  });

  it('takes the canvas with a real flow and a node’s properties, without a CSP violation', async () => {
    const { page, problems } = await openDesigner(suite.browser, suite.studio.server, { theme });
    await openFlow(page, 'Company Lookup');
    await selectNode(page, 'g');
    await settle(page);
    await page.screenshot({ path: `${SCREENSHOTS}/canvas-${theme}.png` });
    expect(problems).toEqual([]);
  });

  it('takes the endpoint settings', async () => {
    const { page, problems } = await openDesigner(suite.browser, suite.studio.server, { theme });
    await openFlow(page, 'Companies Since');
    await settle(page);
    await page.screenshot({ path: `${SCREENSHOTS}/endpoint-${theme}.png` });
    expect(problems).toEqual([]);
  });
});
