import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startStudio, type StudioServer } from './support/studio-server.js';
import { launchBrowser, openDesigner, type DesignerBrowser } from './support/designer-browser.js';
import { openFlow, selectNode } from './support/designer-actions.js';

/** Where the docs keep the pictures of the designer (docs/designer.md shows them). */
const SCREENSHOTS = resolve(fileURLToPath(new URL('../../docs/screenshots', import.meta.url)));

let studio: StudioServer;
let chromium: DesignerBrowser;

beforeAll(async () => {
  mkdirSync(SCREENSHOTS, { recursive: true });
  studio = await startStudio();
  chromium = await launchBrowser();
});

afterAll(async () => {
  await chromium?.close();
  await studio?.dispose();
});

/** Waits for the fonts and for animations to settle, so the picture is what a user sees. */
async function settle(page: Page): Promise<void> {
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  await page.waitForTimeout(400);
}

describe.each(['light', 'dark'] as const)('screenshots of the designer (%s)', (theme) => {
  it('takes the home, without a CSP violation', async () => {
    const { page, problems } = await openDesigner(chromium.browser, studio.server, { theme });
    await page.getByTestId('application-Demo').waitFor();
    await settle(page);
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe(theme);
    await page.screenshot({ path: `${SCREENSHOTS}/home-${theme}.png` });
    expect(problems).toEqual([]);
  });

  it('takes the canvas with a real flow and a node’s properties, without a CSP violation', async () => {
    const { page, problems } = await openDesigner(chromium.browser, studio.server, { theme });
    await openFlow(page, 'Company Lookup');
    await selectNode(page, 'g');
    await settle(page);
    await page.screenshot({ path: `${SCREENSHOTS}/canvas-${theme}.png` });
    expect(problems).toEqual([]);
  });

  it('takes the endpoint settings', async () => {
    const { page, problems } = await openDesigner(chromium.browser, studio.server, { theme });
    await openFlow(page, 'Companies Since');
    await settle(page);
    await page.screenshot({ path: `${SCREENSHOTS}/endpoint-${theme}.png` });
    expect(problems).toEqual([]);
  });
});
