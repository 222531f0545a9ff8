// The sandboxed preload: CommonJS, self-contained (a sandboxed preload may require only
// 'electron'), exposing exactly one named, typed object to the designer.
import electron = require('electron');
import type { DesktopBootstrap, IpcChannels } from './ipc-channels.js';
import type { DESKTOP_API_GLOBAL as GlobalName, MenuCommand, OpenedFile, StudioDesktopApi, ThemePreference } from '../shared/preload-api.js';

const { contextBridge, ipcRenderer } = electron;

// Typed against IpcChannels, so a renamed channel fails to compile here.
const BOOTSTRAP: IpcChannels['bootstrap'] = 'studio:bootstrap';
const SET_THEME: IpcChannels['setTheme'] = 'studio:set-theme';
const OPEN_WORKSPACE_FILE: IpcChannels['openWorkspaceFile'] = 'studio:open-workspace-file';
const SAVE_WORKSPACE_FILE: IpcChannels['saveWorkspaceFile'] = 'studio:save-workspace-file';
const MENU_COMMAND: IpcChannels['menuCommand'] = 'studio:menu-command';
const DESKTOP_API_GLOBAL: typeof GlobalName = 'studio';

function desktopApi(bootstrap: DesktopBootstrap): StudioDesktopApi {
  return {
    version: bootstrap.version,
    serverUrl: bootstrap.serverUrl,
    sessionToken: bootstrap.sessionToken,
    theme: bootstrap.theme,
    setTheme: (theme: ThemePreference) => ipcRenderer.send(SET_THEME, theme),
    openWorkspaceFile: () => ipcRenderer.invoke(OPEN_WORKSPACE_FILE) as Promise<OpenedFile | null>,
    saveWorkspaceFile: (suggestedName: string, text: string) => ipcRenderer.invoke(SAVE_WORKSPACE_FILE, suggestedName, text) as Promise<boolean>,
    onMenuCommand: (listener: (command: MenuCommand) => void) => {
      // The event object stays here: handing it over would give the page `event.sender`.
      const forward = (_event: electron.IpcRendererEvent, command: MenuCommand) => listener(command);
      ipcRenderer.on(MENU_COMMAND, forward);
      return () => {
        ipcRenderer.removeListener(MENU_COMMAND, forward);
      };
    },
  };
}

// Synchronous once, so the token and URL are plain values before the designer's first script
// runs. The main process answers null to any page but the app's own: it then gets no bridge.
const bootstrap = ipcRenderer.sendSync(BOOTSTRAP) as DesktopBootstrap | null;
if (bootstrap) contextBridge.exposeInMainWorld(DESKTOP_API_GLOBAL, desktopApi(bootstrap));
