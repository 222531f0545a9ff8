import { chmodSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import type { MenuItemConstructorOptions } from 'electron';
import { beforeEach, describe, expect, it, onTestFinished, vi } from 'vitest';
import { runDesktopApp } from '../../electron/desktop-app.js';
import { SQLITE_ADDON_ENV } from '../../electron/command-line.js';
import { IPC_CHANNELS, type DesktopBootstrap } from '../../electron/ipc-channels.js';
import { findFreePort } from '../../electron/server-lifecycle.js';
import { DESIGNER_CSP } from '../../server/index.js';
import { tempDir } from '../support/temp-dir.js';
import { dataFolderOnPort } from './desktop-fixtures.js';
import {
  app,
  BrowserWindow,
  dialog,
  FakeWebContents,
  ipcEventFrom,
  ipcMain,
  Menu,
  nativeTheme,
  preventableEvent,
  resetFakeElectron,
  session,
  shell,
} from './fake-electron.js';

vi.mock('electron', () => import('./fake-electron.js'));
vi.mock('electron-store', () => ({
  default: class MemoryStore {
    static saved = new Map<string, unknown>([['theme', 'dark']]);
    get = (key: string) => MemoryStore.saved.get(key);
    set = (key: string, value: unknown) => MemoryStore.saved.set(key, value);
  },
}));

/** Runs the app as `electron . --data DIR` would, quitting it (and so stopping its server) when the test ends. */
async function launch(dataDir: string) {
  await runDesktopApp(['/electron', '/app', '--data', dataDir]);
  onTestFinished(async () => {
    app.quit();
    await vi.waitFor(() => expect(app.hasQuit).toBe(true));
  });
  const window = BrowserWindow.instances[0];
  if (!window) throw new Error('no window opened');
  const url = (window.loadURL.mock.calls[0] as unknown as [string])[0];
  const origin = new URL(url).origin;
  const bootstrap = () => {
    const event = ipcEventFrom(`${origin}/`);
    ipcMain.emit(IPC_CHANNELS.bootstrap, event);
    return event.returnValue as DesktopBootstrap;
  };
  return { window, origin, bootstrap };
}

function menuItem(label: string): MenuItemConstructorOptions {
  const template = Menu.buildFromTemplate.mock.calls[0]![0] as MenuItemConstructorOptions[];
  const item = template.flatMap((menu) => menu.submenu as MenuItemConstructorOptions[]).find((entry) => entry.label === label);
  if (!item) throw new Error(`no menu item ${label}`);
  return item;
}

beforeEach(resetFakeElectron);

describe('the desktop app', () => {
  it('hands over to the running instance and quits when it is not the first', async () => {
    app.requestSingleInstanceLock.mockReturnValue(false);
    await runDesktopApp(['/electron', '/app', '--data', tempDir()]);
    expect(app.quit).toHaveBeenCalled();
    expect(app.whenReady).not.toHaveBeenCalled();
    expect(BrowserWindow.instances).toEqual([]);
  });

  it('opens the designer from its own server on the configured port, without the token in the URL', async () => {
    const port = await findFreePort();
    const { window, origin } = await launch(await dataFolderOnPort(port));
    expect(app.setName).toHaveBeenCalledWith('Actionflow Studio');
    expect(origin).toBe(`http://127.0.0.1:${port}`);
    expect(window.loadURL).toHaveBeenCalledWith(`${origin}/`);
    const page = await fetch(`${origin}/`);
    expect(page.headers.get('content-security-policy')).toBe(DESIGNER_CSP);
  });

  it('hands the designer a session token the admin API accepts', async () => {
    const { origin, bootstrap } = await launch(await dataFolderOnPort(await findFreePort()));
    const { sessionToken, serverUrl, version, theme } = bootstrap();
    expect({ serverUrl, version, theme }).toEqual({ serverUrl: origin, version: '0.1.0', theme: 'dark' });
    const workspace = await fetch(`${origin}/_studio/api/v1/workspace`, { headers: { authorization: `Bearer ${sessionToken}` } });
    expect(workspace.status).toBe(200);
  });

  it('applies the remembered theme to native UI', async () => {
    await launch(await dataFolderOnPort(await findFreePort()));
    expect(nativeTheme.themeSource).toBe('dark');
  });

  it('hardens the session for the server origin', async () => {
    const { origin } = await launch(await dataFolderOnPort(await findFreePort()));
    const [[decide]] = session.defaultSession.setPermissionRequestHandler.mock.calls as unknown as [[(...args: unknown[]) => void]];
    const callback = vi.fn();
    decide({}, 'media', callback, { requestingUrl: `${origin}/` });
    expect(callback).toHaveBeenCalledWith(false);
  });

  it('keeps every new web contents on the server origin', async () => {
    const { origin } = await launch(await dataFolderOnPort(await findFreePort()));
    const contents = new FakeWebContents();
    app.emit('web-contents-created', {}, contents);
    const away = preventableEvent({ url: 'https://example.com/' });
    contents.emit('will-navigate', away);
    const home = preventableEvent({ url: `${origin}/` });
    contents.emit('will-navigate', home);
    expect([away.defaultPrevented, home.defaultPrevented]).toEqual([true, false]);
    expect(shell.openExternal).toHaveBeenCalledWith('https://example.com/');
  });

  it('focuses the existing window, restoring it, when launched a second time', async () => {
    const { window } = await launch(await dataFolderOnPort(await findFreePort()));
    window.minimized = true;
    app.emit('second-instance');
    expect(window.restore).toHaveBeenCalled();
    expect(window.focus).toHaveBeenCalled();
    expect(BrowserWindow.instances).toHaveLength(1);
  });

  it('sends menu commands to the designer and opens the data folder itself', async () => {
    const dataDir = await dataFolderOnPort(await findFreePort());
    const { window } = await launch(dataDir);
    (menuItem('New API Endpoint').click as () => void)();
    expect(window.webContents.send).toHaveBeenCalledWith(IPC_CHANNELS.menuCommand, 'new-endpoint');
    (menuItem('Open Data Folder').click as () => void)();
    expect(shell.openPath).toHaveBeenCalledWith(dataDir);
  });

  it('opens the docs folder shipped with the app from Help › Documentation', async () => {
    await launch(await dataFolderOnPort(await findFreePort()));
    (menuItem('Documentation').click as () => void)();
    expect(shell.openPath).toHaveBeenCalledWith(join(process.cwd(), 'docs'));
  });

  it('stops the server when the last window closes on Windows and Linux', async () => {
    const { origin } = await launch(await dataFolderOnPort(await findFreePort()));
    app.emit('window-all-closed');
    await vi.waitFor(() => expect(app.hasQuit).toBe(true));
    await expect(fetch(`${origin}/`)).rejects.toThrow();
  });

  it('exits without a window when the user declines another port', async () => {
    const port = await findFreePort();
    const blocker = createServer().listen(port, '127.0.0.1');
    onTestFinished(() => void blocker.close());
    const dataDir = await dataFolderOnPort(port);
    dialog.showMessageBox.mockResolvedValueOnce({ response: 1, checkboxChecked: false });
    await runDesktopApp(['/electron', '/app', '--data', dataDir]);
    expect(app.exitCode).toBe(0);
    expect(BrowserWindow.instances).toEqual([]);
  });

  it('loads the SQLite addon npm start built for Electron when running from source', async () => {
    process.env[SQLITE_ADDON_ENV] = '/nowhere/better_sqlite3.node';
    onTestFinished(() => void delete process.env[SQLITE_ADDON_ENV]);
    await runDesktopApp(['/electron', '/app', '--data', await dataFolderOnPort(await findFreePort())]);
    expect(dialog.showErrorBox).toHaveBeenCalledWith('Actionflow Studio cannot start', expect.stringContaining('/nowhere/better_sqlite3.node'));
    expect(app.exitCode).toBe(1);
  });

  it('ignores an SQLite addon named in the environment of a packaged app', async () => {
    process.env[SQLITE_ADDON_ENV] = '/nowhere/better_sqlite3.node';
    onTestFinished(() => void delete process.env[SQLITE_ADDON_ENV]);
    app.isPackaged = true;
    await launch(await dataFolderOnPort(await findFreePort()));
    expect(dialog.showErrorBox).not.toHaveBeenCalled();
  });

  it('exits with status 1 after saying why the data folder cannot be used', async () => {
    const dataDir = await dataFolderOnPort(await findFreePort());
    chmodSync(join(dataDir, 'keystore.json'), 0o644);
    await runDesktopApp(['/electron', '/app', '--data', dataDir]);
    expect(dialog.showErrorBox).toHaveBeenCalledWith('Actionflow Studio cannot start', expect.stringContaining('keystore.json'));
    expect(app.exitCode).toBe(1);
    expect(BrowserWindow.instances).toEqual([]);
  });
});
