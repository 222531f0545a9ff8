import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { designerSuite } from './support/designer-suite.js';
import { openFlow } from './support/designer-actions.js';
import { dialog } from './support/admin-actions.js';
import { adminCall } from './support/studio-server.js';

const suite = designerSuite();

/** What the fake preload records and answers. */
interface DesktopFiles {
  saved: { name: string; text: string }[];
  opened: number;
}

/**
 * Opens the designer as the desktop window does, with a preload whose native dialogs the test
 * plays: the save dialog keeps what it is given, the open dialog answers with `fileToOpen`.
 */
async function openDesktop(fileToOpen: { name: string; text: string }): Promise<Page> {
  const context = await suite.browser.newContext({ viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  await page.addInitScript(
    ({ token, url, file }) => {
      const files: DesktopFiles = { saved: [], opened: 0 };
      Object.defineProperty(window, 'desktopFiles', { value: files });
      Object.defineProperty(window, 'studio', {
        value: {
          version: '0.1.0',
          serverUrl: url,
          sessionToken: token,
          theme: 'light',
          setTheme: () => undefined,
          saveWorkspaceFile: async (name: string, text: string) => {
            files.saved.push({ name, text });
            return true;
          },
          openWorkspaceFile: async () => {
            files.opened++;
            return file;
          },
          onMenuCommand: (listener: (command: string) => void) => {
            (window as unknown as { menu: typeof listener }).menu = listener;
            return () => undefined;
          },
        },
      });
    },
    { token: suite.studio.server.sessionToken, url: suite.studio.server.url, file: fileToOpen },
  );
  await page.goto(`${suite.studio.server.url}/`);
  await page.getByTestId('application-Demo').waitFor();
  return page;
}

const menu = (page: Page, command: string) => page.evaluate((name) => (window as unknown as { menu(command: string): void }).menu(name), command);
const desktopFiles = (page: Page) => page.evaluate(() => (window as unknown as { desktopFiles: DesktopFiles }).desktopFiles);

describe('export and import in the desktop app', () => {
  it('exports the flow open on the canvas through the native save dialog from the menu’s Export…', async () => {
    const page = await openDesktop({ name: 'unused.json', text: '{}' });
    await openFlow(page, 'Company Lookup');
    await menu(page, 'export');
    await page.getByText('Exported actionflow “Company Lookup”').waitFor();
    const { saved } = await desktopFiles(page);
    expect(saved.map((file) => file.name)).toEqual(['Company Lookup.actionflow.json']);
    const document = JSON.parse(saved[0]!.text);
    expect(document.format).toBe('actionflow-workspace');
    expect(document.applications[0].actionflows.map((flow: { name: string }) => flow.name)).toEqual(['Company Lookup']);
    await page.context().close();
  });

  it('opens the import dialog from the menu’s Import… and reads the file the native open dialog chose', async () => {
    const exported = (await adminCall(suite.studio.server, 'GET', '/export?application=Demo&actionflow=Companies%20Since')).body;
    const page = await openDesktop({ name: 'Since.actionflow.json', text: JSON.stringify(exported) });
    await menu(page, 'import');
    await dialog(page).getByRole('button', { name: 'Choose a file…' }).click();
    await page.getByTestId('import-file-name').filter({ hasText: 'Since.actionflow.json' }).waitFor();
    expect((await desktopFiles(page)).opened).toBe(1);
    await dialog(page)
      .getByRole('radio', { name: /Keep what is there/ })
      .check({ force: true });
    const preview = page.getByTestId('import-preview');
    await preview.waitFor();
    expect(await preview.textContent()).toContain('“Companies Since” in Demo');
    expect(await dialog(page).textContent()).toContain('would change nothing');
    expect(await dialog(page).getByRole('button', { name: 'Import', exact: true }).isDisabled()).toBe(true);
    await page.context().close();
  });
});
