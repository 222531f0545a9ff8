import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, BrowserWindow, nativeTheme, session, shell } from 'electron';
import { DESIGNER_CSP, resolveDataDir, type RunningServer } from '../server/index.js';
import { registerBootstrapHandler } from './bootstrap.js';
import { dataFolderOption, sqliteAddonOverride } from './command-line.js';
import { registerWorkspaceFileHandlers } from './dialogs.js';
import { documentationFolder } from './documentation.js';
import { IPC_CHANNELS } from './ipc-channels.js';
import { registerMenu } from './menu.js';
import { PRODUCT_NAME, showAbout } from './message-boxes.js';
import { registerNavigationRules } from './navigation-rules.js';
import { openPreferenceStore } from './preference-store.js';
import { createPreferences, registerPreferenceHandlers, type Preferences } from './preferences.js';
import { registerServerShutdown, startEmbeddedServer } from './server-lifecycle.js';
import { registerSessionHardening } from './session-hardening.js';
import { isTrustedSender, isWebUrl } from './trusted-origin.js';
import { createMainWindow } from './window.js';

const here = dirname(fileURLToPath(import.meta.url));

function reportError(error: unknown): void {
  console.error(`${PRODUCT_NAME}:`, error instanceof Error ? error.message : error);
}

function openExternal(url: string): void {
  if (isWebUrl(url)) shell.openExternal(url).catch(reportError);
}

function openDocumentation(): void {
  const folder = documentationFolder({ appPath: app.getAppPath(), resourcesPath: app.isPackaged ? process.resourcesPath : undefined });
  if (!folder) return reportError('no docs folder was shipped with the app');
  shell.openPath(folder).then((failure) => failure && reportError(failure), reportError);
}

/** Everything that exists once the server runs: the window, its bridge, the menus. */
function openWorkbench(server: RunningServer, preferences: Preferences, isDevelopment: boolean): void {
  const origin = new URL(server.url).origin;
  let mainWindow: BrowserWindow | undefined;
  const currentWindow = () => (mainWindow && !mainWindow.isDestroyed() ? mainWindow : undefined);
  const trusted = (event: Electron.IpcMainEvent | Electron.IpcMainInvokeEvent) => isTrustedSender(event, origin);

  // Every web contents the app makes from here on stays on the server's origin.
  app.on('web-contents-created', (_event, contents) => registerNavigationRules(contents, origin, openExternal));
  registerSessionHardening(session.defaultSession, origin, DESIGNER_CSP);
  registerBootstrapHandler({
    isTrustedSender: trusted,
    bootstrap: () => ({ version: app.getVersion(), serverUrl: server.url, sessionToken: server.sessionToken, theme: preferences.theme() }),
  });
  registerPreferenceHandlers({ preferences, isTrustedSender: trusted, applyTheme: (theme) => (nativeTheme.themeSource = theme) });
  registerWorkspaceFileHandlers({ window: currentWindow, isTrustedSender: trusted, defaultFolder: () => app.getPath('documents') });
  registerMenu(
    { isDevelopment, platform: process.platform },
    {
      send: (command) => currentWindow()?.webContents.send(IPC_CHANNELS.menuCommand, command),
      openDataFolder: () => void shell.openPath(server.dataDir).then((failure) => failure && reportError(failure), reportError),
      openDocumentation,
      showAbout: () =>
        void showAbout(currentWindow(), { version: app.getVersion(), serverUrl: server.url, dataDir: server.dataDir, versions: process.versions }).catch(
          reportError,
        ),
    },
  );

  const openWindow = () => {
    mainWindow = createMainWindow({
      serverUrl: server.url,
      preloadPath: join(here, 'preload.cjs'),
      isDevelopment,
      preferences,
      darkBackground: nativeTheme.shouldUseDarkColors,
    });
  };
  openWindow();
  app.on('second-instance', () => {
    const window = currentWindow();
    if (!window) return openWindow();
    if (window.isMinimized()) window.restore();
    window.focus();
  });
  app.on('activate', () => {
    if (!currentWindow()) openWindow();
  });
}

/**
 * The desktop app: one instance per user; the server in this process on the shared data
 * folder (`--data DIR`, `ACTIONFLOW_DATA`, `~/.actionflow-studio`); the designer in a
 * hardened window; the server stopped cleanly before the app quits.
 */
export async function runDesktopApp(argv: readonly string[] = process.argv): Promise<void> {
  app.setName(PRODUCT_NAME);
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return;
  }
  const isDevelopment = !app.isPackaged;
  const dataDir = resolveDataDir(dataFolderOption(argv));
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });

  await app.whenReady();
  const preferences = createPreferences(openPreferenceStore());
  nativeTheme.themeSource = preferences.theme();
  const started = await startEmbeddedServer(dataDir, sqliteAddonOverride(process.env, app.isPackaged));
  if (started.outcome !== 'started') {
    app.exit(started.outcome === 'failed' ? 1 : 0);
    return;
  }
  registerServerShutdown(started.server, reportError);
  openWorkbench(started.server, preferences, isDevelopment);
}
