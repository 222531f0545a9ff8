import { beforeAll, describe, expect, it } from 'vitest';
import { eventually, openFlow, typeExpression } from './support/designer-actions.js';
import { openDesigner } from './support/designer-browser.js';
import { designerSuite } from './support/designer-suite.js';
import { callEndpoint, consoleEntries, openPanelTab, slowAsyncEndpoint } from './support/run-tools-actions.js';
import { screenshotsDir, settle } from './support/screenshots.js';

/** docs/screenshots with UPDATE_SCREENSHOTS=1, else test-results/screenshots. */
const SCREENSHOTS = screenshotsDir();

/** The moment the pictures show; the server's clock starts ten minutes earlier and then runs, so runs take their real time. */
const PICTURE_TIME = Date.parse('2026-03-02T10:30:00Z');
const serverStart = Date.now();
const runningClock = { now: () => PICTURE_TIME - 10 * 60_000 + (Date.now() - serverStart) };

/** Opens the designer with the panel at the bottom as tall as the pictures show it. */
async function openTall(suite: ReturnType<typeof designerSuite>, theme: 'light' | 'dark') {
  const opened = await openDesigner(suite.profile, suite.studio.server, { theme, fixedTime: PICTURE_TIME });
  await opened.page.evaluate(() => window.localStorage.setItem('actionflow-studio:panel-height', '440'));
  await opened.page.reload();
  return opened;
}

describe.each(['light', 'dark'] as const)('screenshots of Try it and the System Console (%s)', (theme) => {
  // One server per theme, so both pictures show the same runs.
  const suite = designerSuite({ clock: runningClock });

  beforeAll(() => {
    suite.studio.server.stores.settings.update({ publicBaseUrl: 'http://127.0.0.1:8080' });
  });

  it('takes Try it with a reply, without a CSP violation', async () => {
    const { page, problems } = await openTall(suite, theme);
    await openFlow(page, 'Companies Since');
    await openPanelTab(page, 'Try it');
    await typeExpression(page.getByTestId('try-it-body'), '{"since": "2024-06-01"}');
    await page.getByRole('button', { name: 'Send', exact: true }).click();
    await page.getByTestId('reply-body').waitFor();
    // The canvas got shorter when the panel opened: fit the flow in what is left of it.
    await page.getByRole('toolbar', { name: 'Flow' }).getByRole('button', { name: 'Fit view' }).click();
    await page.mouse.move(720, 150);
    await settle(page);
    await page.screenshot({ path: `${SCREENSHOTS}/try-it-${theme}.png` });
    expect(problems).toEqual([]);
  });

  it('takes Try it on a keyed endpoint offering a test key, and the key shown once', async () => {
    const { page, problems } = await openTall(suite, theme);
    await openFlow(page, 'Company Count');
    await openPanelTab(page, 'Try it');
    await page.getByTestId('try-it-key-needed').waitFor();
    await page.getByRole('toolbar', { name: 'Flow' }).getByRole('button', { name: 'Fit view' }).click();
    await page.mouse.move(720, 150);
    await settle(page);
    await page.screenshot({ path: `${SCREENSHOTS}/try-it-key-needed-${theme}.png` });

    await page.getByRole('button', { name: 'Create a test key' }).click();
    await page.getByRole('button', { name: 'Create key' }).click();
    await page.getByRole('textbox', { name: 'Test key (shown once)' }).waitFor();
    await settle(page);
    await page.screenshot({ path: `${SCREENSHOTS}/try-it-test-key-${theme}.png` });
    expect(problems).toEqual([]);
  });

  it('takes the console with a success, a failure opened to its error, and a run going on', async () => {
    const { page, problems } = await openTall(suite, theme);
    await slowAsyncEndpoint(page, suite.studio.server, 'Monthly Report');
    await callEndpoint(suite.studio.server, 'Demo', 'Company Lookup', { query: '?name=Acme' });
    await callEndpoint(suite.studio.server, 'Demo', 'Companies By Country');
    await callEndpoint(suite.studio.server, 'Demo', 'Register Company', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"country": "UK"}',
    });
    await callEndpoint(suite.studio.server, 'Demo', 'Company Lookup', { query: '?name=Initrode' });
    await callEndpoint(suite.studio.server, 'Demo', 'Monthly Report', { method: 'POST' });

    await page.getByTestId('application-Demo').waitFor();
    await page.getByRole('button', { name: 'Show the System Console' }).click();
    await eventually(async () => expect(await consoleEntries(page).count()).toBeGreaterThanOrEqual(6));
    await consoleEntries(page).filter({ hasText: 'Register Company' }).click();
    const error = page.getByTestId('console-detail').locator('.console-message[data-kind="Error"]');
    await error.getByRole('button').first().click();
    await error.getByRole('treegrid').waitFor();
    await settle(page);
    await page.screenshot({ path: `${SCREENSHOTS}/console-${theme}.png` });
    expect(problems).toEqual([]);
  });
});
