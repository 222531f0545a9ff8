import { afterAll, afterEach, beforeAll } from 'vitest';
import type { BrowserContext } from 'playwright-core';
import { launchBrowser, type DesignerBrowser } from './designer-browser.js';
import type { Clock } from '../../../server/clock.js';
import { startStudio, type StudioServer } from './studio-server.js';

/** What a test file shares: one server on a fresh data folder with the demo workspace, and one browser profile. */
export interface DesignerSuite {
  readonly studio: StudioServer;
  /** The browser's one profile: `openDesigner(suite.profile, …)` opens a page in it. */
  readonly profile: BrowserContext;
}

/**
 * Starts the server and the browser before the file's tests and stops both after them. After each
 * test its pages are closed (left open, every designer of every earlier test kept drawing and
 * listening to the console beside the tests that followed) and what they stored for the server's
 * origin (local storage, cookies) is cleared, so a test starts as on a first visit but with the
 * browser's caches warm.
 */
export function designerSuite(options: { clock?: Clock } = {}): DesignerSuite {
  let studio: StudioServer | undefined;
  let chromium: DesignerBrowser | undefined;
  beforeAll(async () => {
    studio = await startStudio(options);
    chromium = await launchBrowser();
  });
  afterEach(async () => {
    if (studio) await chromium?.forget(studio.server.url);
  });
  afterAll(async () => {
    await chromium?.close();
    await studio?.dispose();
  });
  return {
    get studio() {
      return studio!;
    },
    get profile() {
      return chromium!.profile;
    },
  };
}
