import { beforeEach, describe, expect, it, vi } from 'vitest';
import { registerBootstrapHandler } from '../../electron/bootstrap.js';
import { IPC_CHANNELS, type DesktopBootstrap } from '../../electron/ipc-channels.js';
import { isTrustedSender } from '../../electron/trusted-origin.js';
import { ipcEventFrom, ipcMain, resetFakeElectron } from './fake-electron.js';

vi.mock('electron', () => import('./fake-electron.js'));

const ORIGIN = 'http://127.0.0.1:8080';
const BOOTSTRAP: DesktopBootstrap = { version: '0.1.0', serverUrl: ORIGIN, sessionToken: 'secret-token', theme: 'system' };

function ask(event: ReturnType<typeof ipcEventFrom>): unknown {
  ipcMain.emit(IPC_CHANNELS.bootstrap, event);
  return event.returnValue;
}

beforeEach(() => {
  resetFakeElectron();
  registerBootstrapHandler({ isTrustedSender: (event) => isTrustedSender(event, ORIGIN), bootstrap: () => BOOTSTRAP });
});

describe('the preload bootstrap', () => {
  it('gives the designer page the token and server URL', () => {
    expect(ask(ipcEventFrom(`${ORIGIN}/?flow=3`))).toEqual(BOOTSTRAP);
  });

  it('gives a page from another origin nothing', () => {
    expect(ask(ipcEventFrom('https://example.com/'))).toBeNull();
    expect(ask(ipcEventFrom('http://127.0.0.1:9090/'))).toBeNull();
  });

  it('gives a frame inside the designer nothing', () => {
    expect(ask(ipcEventFrom(`${ORIGIN}/`, { subframe: true }))).toBeNull();
  });

  it('gives a sender without a frame nothing', () => {
    const event = { senderFrame: null, returnValue: undefined as unknown };
    ipcMain.emit(IPC_CHANNELS.bootstrap, event);
    expect(event.returnValue).toBeNull();
  });
});
