import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import type { RunningServer } from '../../../server/start-server.js';

const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

/** The window size every designer page opens at. */
const VIEWPORT = { width: 1440, height: 900 };

export interface DesignerBrowser {
  /**
   * The browser's one profile, on a fresh folder: its pages share the HTTP cache and V8's code
   * cache as a user's browser does, so a designer opened after the first compiles no script again
   * (half the CPU of opening it in a new, empty context each time).
   */
  profile: BrowserContext;
  /** Closes every page but the profile's first and clears what the pages stored for `origin`, leaving the caches. */
  forget(origin: string): Promise<void>;
  close(): Promise<void>;
}

/** Launches the system Chromium headless (CHROMIUM_PATH overrides /usr/bin/chromium) on a new profile folder. */
export async function launchBrowser(): Promise<DesignerBrowser> {
  const folder = mkdtempSync(join(tmpdir(), 'studio-chromium-'));
  const profile = await chromium.launchPersistentContext(folder, {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
    viewport: VIEWPORT,
    deviceScaleFactor: 1,
  });
  // The page the profile opens with stays, blank, to clear the stored data through.
  const keeper = profile.pages()[0] ?? (await profile.newPage());
  return {
    profile,
    async forget(origin) {
      await Promise.all(profile.pages().flatMap((page) => (page === keeper ? [] : [page.close()])));
      const devtools = await profile.newCDPSession(keeper);
      await devtools.send('Storage.clearDataForOrigin', {
        origin,
        storageTypes: 'cookies,local_storage,indexeddb,service_workers,cache_storage,file_systems,websql',
      });
      await devtools.detach();
    },
    async close() {
      await profile.close();
      rmSync(folder, { recursive: true, force: true });
    },
  };
}

export interface DesignerPage {
  page: Page;
  /** Content-Security-Policy violations and console errors seen so far. */
  problems: string[];
}

/**
 * Opens the designer as a user would, from the URL the server printed (token in the fragment),
 * recording every CSP violation and console error.
 */
export async function openDesigner(
  profile: BrowserContext,
  server: RunningServer,
  options: {
    theme?: 'light' | 'dark';
    path?: string;
    /** Freezes the page's clock (Date.now) at this time. Playwright's clock is the profile's: a file fixes it in all its designers or in none. */
    fixedTime?: number;
  } = {},
): Promise<DesignerPage> {
  await profile.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
  const page = await profile.newPage();
  await page.emulateMedia({ colorScheme: options.theme ?? 'light' });
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
  return { page, problems };
}
