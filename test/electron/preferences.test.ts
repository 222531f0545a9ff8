import { beforeEach, describe, expect, it, vi } from 'vitest';
import { IPC_CHANNELS } from '../../electron/ipc-channels.js';
import { isTrustedSender } from '../../electron/trusted-origin.js';
import { createPreferences, registerPreferenceHandlers } from '../../electron/preferences.js';
import { memoryPreferenceStore } from './desktop-fixtures.js';
import { ipcEventFrom, ipcMain, resetFakeElectron } from './fake-electron.js';

vi.mock('electron', () => import('./fake-electron.js'));

const ORIGIN = 'http://127.0.0.1:8080';

beforeEach(resetFakeElectron);

describe('preferences', () => {
  it('reads the system theme until one is chosen, and a bad stored value as the system theme', () => {
    expect(createPreferences(memoryPreferenceStore().store).theme()).toBe('system');
    expect(createPreferences(memoryPreferenceStore({ theme: 'purple' }).store).theme()).toBe('system');
    expect(createPreferences(memoryPreferenceStore({ theme: 'dark' }).store).theme()).toBe('dark');
  });

  it('does not store bounds too small or not whole', () => {
    const { map, store } = memoryPreferenceStore();
    const preferences = createPreferences(store);
    preferences.setWindowBounds({ width: 200, height: 100, maximized: false });
    preferences.setWindowBounds({ width: 900.5, height: 700, maximized: false });
    expect(map.has('windowBounds')).toBe(false);
    preferences.setWindowBounds({ x: -5, y: 0, width: 900, height: 700, maximized: true });
    expect(preferences.windowBounds()).toEqual({ x: -5, y: 0, width: 900, height: 700, maximized: true });
  });
});

describe('setTheme from the designer', () => {
  function register() {
    const { map, store } = memoryPreferenceStore();
    const applyTheme = vi.fn();
    registerPreferenceHandlers({ preferences: createPreferences(store), applyTheme, isTrustedSender: (event) => isTrustedSender(event, ORIGIN) });
    return { map, applyTheme };
  }

  it('remembers and applies a known theme', () => {
    const { map, applyTheme } = register();
    ipcMain.emit(IPC_CHANNELS.setTheme, ipcEventFrom(`${ORIGIN}/`), 'dark');
    expect(map.get('theme')).toBe('dark');
    expect(applyTheme).toHaveBeenCalledWith('dark');
  });

  it('ignores an unknown theme', () => {
    const { map, applyTheme } = register();
    ipcMain.emit(IPC_CHANNELS.setTheme, ipcEventFrom(`${ORIGIN}/`), { toString: () => 'dark' });
    expect(map.has('theme')).toBe(false);
    expect(applyTheme).not.toHaveBeenCalled();
  });

  it('ignores a page that is not the designer', () => {
    const { map } = register();
    ipcMain.emit(IPC_CHANNELS.setTheme, ipcEventFrom('https://example.com/'), 'dark');
    expect(map.has('theme')).toBe(false);
  });
});
