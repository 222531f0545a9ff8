import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';

/**
 * Where the screenshot tests (the `screenshots` project, not part of `npm test`) write their
 * pictures: `npm run screenshots` sets UPDATE_SCREENSHOTS=1 to refresh the pictures the docs
 * show, in `docs/screenshots`; otherwise they go under `test-results/screenshots` (ignored by
 * git), so the checkout stays clean.
 */
export function screenshotsDir(): string {
  const target = process.env.UPDATE_SCREENSHOTS === '1' ? '../../../docs/screenshots' : '../../../test-results/screenshots';
  const dir = resolve(fileURLToPath(new URL(target, import.meta.url)));
  mkdirSync(dir, { recursive: true });
  return dir;
}

/** Waits for the fonts and for animations to settle, so the picture is what a user sees. */
export async function settle(page: Page): Promise<void> {
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  await page.waitForTimeout(400);
}
