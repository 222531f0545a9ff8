import { ipcMain, type IpcMainEvent } from 'electron';
import { IPC_CHANNELS, type DesktopBootstrap } from './ipc-channels.js';

export interface BootstrapHandlerDeps {
  isTrustedSender(event: IpcMainEvent): boolean;
  bootstrap(): DesktopBootstrap;
}

/**
 * Answers the preload's one synchronous question: the version, server URL, session token and
 * theme. Only the app's own page gets them, so the token never travels in a URL or argv.
 */
export function registerBootstrapHandler(deps: BootstrapHandlerDeps): void {
  ipcMain.on(IPC_CHANNELS.bootstrap, (event) => {
    event.returnValue = deps.isTrustedSender(event) ? deps.bootstrap() : null;
  });
}
