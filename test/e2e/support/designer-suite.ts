import { afterAll, afterEach, beforeAll } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser, type DesignerBrowser } from './designer-browser.js';
import type { Clock } from '../../../server/clock.js';
import { startStudio, type StudioServer } from './studio-server.js';

/** What a test file shares: one server on a fresh data folder with the demo workspace, and one browser. */
export interface DesignerSuite {
  readonly studio: StudioServer;
  readonly browser: Browser;
}

/**
 * Starts the server and the browser before the file's tests and stops both after them. The pages a
 * test opened are closed after it: left open, every designer of every earlier test kept drawing and
 * listening to the console beside the tests that followed.
 */
export function designerSuite(options: { clock?: Clock } = {}): DesignerSuite {
  let studio: StudioServer | undefined;
  let chromium: DesignerBrowser | undefined;
  beforeAll(async () => {
    studio = await startStudio(options);
    chromium = await launchBrowser();
  });
  afterEach(async () => {
    await Promise.all(chromium?.browser.contexts().map((context) => context.close()) ?? []);
  });
  afterAll(async () => {
    await chromium?.close();
    await studio?.dispose();
  });
  return {
    get studio() {
      return studio!;
    },
    get browser() {
      return chromium!.browser;
    },
  };
}
