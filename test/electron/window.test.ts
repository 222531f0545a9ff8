import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createPreferences } from '../../electron/preferences.js';
import { createMainWindow, DEFAULT_WINDOW_SIZE, restoredBounds } from '../../electron/window.js';
import { memoryPreferenceStore } from './desktop-fixtures.js';
import { BrowserWindow, resetFakeElectron } from './fake-electron.js';

vi.mock('electron', () => import('./fake-electron.js'));

function openWindow(options: { isDevelopment?: boolean; values?: Record<string, unknown>; dark?: boolean } = {}) {
  const { store, map } = memoryPreferenceStore(options.values);
  const preferences = createPreferences(store);
  const window = createMainWindow({
    serverUrl: 'http://127.0.0.1:8080',
    preloadPath: '/app/dist/electron/preload.cjs',
    isDevelopment: options.isDevelopment ?? false,
    preferences,
    darkBackground: options.dark ?? false,
  }) as unknown as BrowserWindow;
  return { window, map, webPreferences: window.options.webPreferences as Record<string, unknown> };
}

beforeEach(resetFakeElectron);

describe('the main window', () => {
  it('runs the designer isolated, sandboxed, without Node and with web security on', () => {
    const { webPreferences } = openWindow();
    expect(webPreferences).toMatchObject({
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      sandbox: true,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      preload: '/app/dist/electron/preload.cjs',
    });
    expect(webPreferences).not.toHaveProperty('enableRemoteModule');
    expect(webPreferences).not.toHaveProperty('additionalArguments');
  });

  it('offers developer tools only in development', () => {
    expect(openWindow({ isDevelopment: false }).webPreferences.devTools).toBe(false);
    expect(openWindow({ isDevelopment: true }).webPreferences.devTools).toBe(true);
  });

  it('loads the designer from the server without the session token in the URL', () => {
    const { window } = openWindow();
    expect(window.loadURL).toHaveBeenCalledWith('http://127.0.0.1:8080/');
  });

  it('stays hidden until the designer has painted, on a background matching the theme', () => {
    const { window } = openWindow({ dark: true });
    expect(window.options).toMatchObject({ show: false, backgroundColor: '#1e1e1e', title: 'Actionflow Studio' });
    expect(window.show).not.toHaveBeenCalled();
    window.emit('ready-to-show');
    expect(window.show).toHaveBeenCalledOnce();
  });

  it('opens at the default size on a first start', () => {
    const { window } = openWindow();
    expect(window.options).toMatchObject(DEFAULT_WINDOW_SIZE);
    expect(window.options).not.toHaveProperty('x');
  });

  it('reopens where it was closed, maximized if it was', () => {
    const { window, map } = openWindow({ values: { windowBounds: { x: 100, y: 50, width: 1100, height: 750, maximized: true } } });
    expect(window.options).toMatchObject({ x: 100, y: 50, width: 1100, height: 750 });
    expect(window.maximize).toHaveBeenCalled();
    window.getNormalBounds.mockReturnValue({ x: 30, y: 40, width: 900, height: 640 });
    window.maximized = false;
    window.emit('close');
    expect(map.get('windowBounds')).toEqual({ x: 30, y: 40, width: 900, height: 640, maximized: false });
  });

  it('ignores saved bounds that are not a real size', () => {
    const { window } = openWindow({ values: { windowBounds: { x: 0, y: 0, width: 'wide', height: 10, maximized: false } } });
    expect(window.options).toMatchObject(DEFAULT_WINDOW_SIZE);
  });
});

describe('restoredBounds', () => {
  const laptop = [{ x: 0, y: 0, width: 1440, height: 900 }];

  it('keeps a position still on a screen', () => {
    expect(restoredBounds({ x: 1300, y: 10, width: 900, height: 700, maximized: false }, laptop)).toEqual({ x: 1300, y: 10, width: 900, height: 700 });
  });

  it('centres a window whose screen is gone, keeping its size', () => {
    expect(restoredBounds({ x: 2500, y: 100, width: 900, height: 700, maximized: false }, laptop)).toEqual({ width: 900, height: 700 });
  });

  it('shrinks a window larger than every screen', () => {
    expect(restoredBounds({ x: 0, y: 0, width: 3000, height: 2000, maximized: false }, laptop)).toEqual({ x: 0, y: 0, width: 1440, height: 900 });
  });
});
