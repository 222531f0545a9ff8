/**
 * A stand-in for the `electron` module (the binary cannot run here): the objects the main process
 * uses, recording what it does to them. Test files install it with
 * `vi.mock('electron', () => import('./fake-electron.js'))` and call `resetFakeElectron()`.
 */
import { fork } from 'node:child_process';
import { EventEmitter } from 'node:events';
import { vi } from 'vitest';

/** An Electron-style event whose default action can be prevented. */
export function preventableEvent<T extends object>(fields: T = {} as T): T & { defaultPrevented: boolean; preventDefault(): void } {
  return {
    ...fields,
    defaultPrevented: false,
    preventDefault() {
      this.defaultPrevented = true;
    },
  };
}

class FakeApp extends EventEmitter {
  isPackaged = false;
  /** Set when a quit went through (no before-quit listener prevented it). */
  hasQuit = false;
  exitCode: number | undefined;
  setName = vi.fn();
  requestSingleInstanceLock = vi.fn(() => true);
  whenReady = vi.fn(() => Promise.resolve());
  getVersion = vi.fn(() => '0.1.0');
  getPath = vi.fn((name: string) => `/fake/${name}`);
  getAppPath = vi.fn(() => process.cwd());
  quit = vi.fn(() => {
    const event = preventableEvent();
    this.emit('before-quit', event);
    if (!event.defaultPrevented) this.hasQuit = true;
  });
  exit = vi.fn((code?: number) => {
    this.exitCode = code ?? 0;
  });
}

class FakeIpcMain extends EventEmitter {
  readonly handlers = new Map<string, (event: unknown, ...args: unknown[]) => unknown>();
  handle = vi.fn((channel: string, handler: (event: unknown, ...args: unknown[]) => unknown) => {
    this.handlers.set(channel, handler);
  });
  /** What `ipcRenderer.invoke(channel, ...args)` would get. */
  async invoke(channel: string, event: unknown, ...args: unknown[]): Promise<unknown> {
    const handler = this.handlers.get(channel);
    if (!handler) throw new Error(`no handler for ${channel}`);
    return handler(event, ...args);
  }
}

export class FakeWebContents extends EventEmitter {
  send = vi.fn();
  windowOpenHandler: ((details: { url: string }) => unknown) | undefined;
  setWindowOpenHandler = vi.fn((handler: (details: { url: string }) => unknown) => {
    this.windowOpenHandler = handler;
  });
}

export class BrowserWindow extends EventEmitter {
  static instances: BrowserWindow[] = [];
  static getAllWindows = () => BrowserWindow.instances.filter((window) => !window.destroyed);
  readonly webContents = new FakeWebContents();
  destroyed = false;
  minimized = false;
  maximized = false;
  loadURL = vi.fn(() => Promise.resolve());
  show = vi.fn();
  focus = vi.fn();
  maximize = vi.fn(() => {
    this.maximized = true;
  });
  restore = vi.fn(() => {
    this.minimized = false;
  });
  isMinimized = () => this.minimized;
  isMaximized = () => this.maximized;
  isDestroyed = () => this.destroyed;
  getNormalBounds = vi.fn(() => ({ x: 10, y: 20, width: 1000, height: 700 }));

  constructor(readonly options: Record<string, unknown>) {
    super();
    BrowserWindow.instances.push(this);
  }
}

export const app = new FakeApp();
export const ipcMain = new FakeIpcMain();
export const dialog = {
  showMessageBox: vi.fn(async (..._args: unknown[]) => ({ response: 0, checkboxChecked: false })),
  showErrorBox: vi.fn(),
  showOpenDialog: vi.fn(async (..._args: unknown[]) => ({ canceled: true, filePaths: [] as string[] })),
  showSaveDialog: vi.fn(async (..._args: unknown[]) => ({ canceled: true, filePath: '' })),
};
export const Menu = {
  buildFromTemplate: vi.fn((template: unknown) => ({ template })),
  setApplicationMenu: vi.fn(),
};
export const session = {
  defaultSession: {
    setPermissionRequestHandler: vi.fn(),
    setPermissionCheckHandler: vi.fn(),
    webRequest: { onHeadersReceived: vi.fn() },
  },
};
export const nativeTheme = { themeSource: 'system', shouldUseDarkColors: false };
export const shell = {
  openExternal: vi.fn(() => Promise.resolve()),
  openPath: vi.fn(() => Promise.resolve('')),
};
export const screen = {
  getAllDisplays: vi.fn(() => [{ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }]),
};

/**
 * `utilityProcess.fork` played by `child_process.fork`: the same script, the same messages (the
 * worker speaks Node IPC when it has no `parentPort`), `exit` with the code alone.
 */
export const utilityProcess = {
  fork: vi.fn((modulePath: string, args: string[], options: { execArgv?: string[] }) => {
    const child = fork(modulePath, args, { execArgv: options.execArgv ?? [], stdio: ['ignore', 'inherit', 'pipe', 'ipc'] });
    child.on('error', () => undefined);
    return {
      stderr: child.stderr,
      postMessage: (message: unknown) => child.connected && child.send(message as object),
      on: (event: 'message' | 'exit', listener: (...args: unknown[]) => void) => child.on(event, listener),
      kill: () => child.kill(),
    };
  }),
};

/** An IPC event from the top frame of a page at `url`. */
export function ipcEventFrom(url: string, options: { subframe?: boolean } = {}) {
  return { senderFrame: { url, parent: options.subframe ? {} : null }, returnValue: undefined as unknown };
}

/** Forgets every listener, call and window, so each test starts from a fresh process. */
export function resetFakeElectron(): void {
  vi.clearAllMocks();
  app.removeAllListeners();
  app.isPackaged = false;
  app.hasQuit = false;
  app.exitCode = undefined;
  app.requestSingleInstanceLock.mockImplementation(() => true);
  ipcMain.removeAllListeners();
  ipcMain.handlers.clear();
  BrowserWindow.instances = [];
  nativeTheme.themeSource = 'system';
  nativeTheme.shouldUseDarkColors = false;
  dialog.showMessageBox.mockImplementation(async () => ({ response: 0, checkboxChecked: false }));
  dialog.showOpenDialog.mockImplementation(async () => ({ canceled: true, filePaths: [] }));
  dialog.showSaveDialog.mockImplementation(async () => ({ canceled: true, filePath: '' }));
}
