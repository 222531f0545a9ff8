import type { BrowserContext, Page } from 'playwright-core';
import type { MenuCommand, OpenedFile, StudioDesktopApi } from '../../../shared/preload-api.js';
import type { RunningServer } from '../../../server/start-server.js';

/** What the fake preload's native file dialogs were asked: the files saved, and how often one was opened. */
export interface DesktopFiles {
  saved: { name: string; text: string }[];
  opened: number;
}

/**
 * Opens the designer as the desktop window does, with a fake preload whose native parts the test
 * plays: the menu (see `menuCommand`), the save dialog (keeps what it is given, see
 * `desktopFiles`) and the open dialog (answers with `fileToOpen`).
 */
export async function openDesktopDesigner(
  profile: BrowserContext,
  server: RunningServer,
  options: { theme?: 'light' | 'dark'; fileToOpen?: OpenedFile } = {},
): Promise<Page> {
  const page = await profile.newPage();
  await page.addInitScript(
    ({ token, url, theme, file }) => {
      const files: DesktopFiles = { saved: [], opened: 0 };
      Object.defineProperty(window, 'desktopFiles', { value: files });
      const api: StudioDesktopApi = {
        version: '0.1.0',
        serverUrl: url,
        sessionToken: token,
        theme,
        setTheme: () => undefined,
        saveWorkspaceFile: async (name, text) => {
          files.saved.push({ name, text });
          return true;
        },
        openWorkspaceFile: async () => {
          files.opened++;
          return file;
        },
        onMenuCommand: (listener) => {
          (window as unknown as { menu: typeof listener }).menu = listener;
          return () => undefined;
        },
      };
      Object.defineProperty(window, 'studio', { value: api });
    },
    { token: server.sessionToken, url: server.url, theme: options.theme ?? 'light', file: options.fileToOpen ?? null },
  );
  await page.goto(`${server.url}/`);
  await page.getByTestId('application-Demo').waitFor();
  return page;
}

/** Plays a native menu command, as the desktop app's menu sends it. */
export const menuCommand = (page: Page, command: MenuCommand) =>
  page.evaluate((name) => (window as unknown as { menu(command: MenuCommand): void }).menu(name), command);

/** What the native file dialogs were asked so far. */
export const desktopFiles = (page: Page) => page.evaluate(() => (window as unknown as { desktopFiles: DesktopFiles }).desktopFiles);
