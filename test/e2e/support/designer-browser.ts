import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import type { RunningServer } from '../../../server/start-server.js';

const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

export interface DesignerBrowser {
  browser: Browser;
  close(): Promise<void>;
}

/** Launches the system Chromium headless (CHROMIUM_PATH overrides /usr/bin/chromium); Playwright gives it a fresh profile. */
export async function launchBrowser(): Promise<DesignerBrowser> {
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
  return { browser, close: () => browser.close() };
}

export interface DesignerPage {
  page: Page;
  context: BrowserContext;
  /** Content-Security-Policy violations and console errors seen so far. */
  problems: string[];
}

/**
 * Opens the designer as a user would, from the URL the server printed (token in the fragment),
 * recording every CSP violation and console error.
 */
export async function openDesigner(
  browser: Browser,
  server: RunningServer,
  options: { theme?: 'light' | 'dark'; path?: string; /** Freezes the page's clock (Date.now) at this time. */ fixedTime?: number } = {},
): Promise<DesignerPage> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, colorScheme: options.theme ?? 'light', deviceScaleFactor: 1 });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
  const page = await context.newPage();
  if (options.fixedTime !== undefined) await page.clock.setFixedTime(options.fixedTime);
  const problems: string[] = [];
  await page.exposeFunction('reportCspViolation', (text: string) => problems.push(`CSP: ${text}`));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      (window as unknown as { reportCspViolation(text: string): void }).reportCspViolation(
        `${event.violatedDirective} blocked ${event.blockedURI || 'inline'} at ${event.sourceFile}:${event.lineNumber}`,
      );
    });
  });
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  await page.goto(`${server.designerUrl}${options.path ? `&${options.path}` : ''}`);
  return { page, context, problems };
}
