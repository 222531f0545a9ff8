import { BrowserWindow, screen, type Rectangle } from 'electron';
import { PRODUCT_NAME } from './message-boxes.js';
import { MIN_WINDOW_SIZE, type Preferences, type WindowBounds } from './preferences.js';

export const DEFAULT_WINDOW_SIZE = { width: 1280, height: 820 } as const;

/** How much of a restored window's top edge must lie on a screen for the saved position to be kept. */
const VISIBLE_GRIP = { width: 120, height: 40 } as const;

export type InitialBounds = Omit<WindowBounds, 'maximized'>;

function overlaps(a: Rectangle, b: Rectangle): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

/**
 * The bounds to open with: the saved ones when their top edge is still on a screen; the saved
 * size alone (centred) when that screen is gone; the default size on a first start.
 */
export function restoredBounds(saved: WindowBounds | undefined, workAreas: readonly Rectangle[]): InitialBounds {
  if (!saved) return { ...DEFAULT_WINDOW_SIZE };
  const widest = Math.max(...workAreas.map((area) => area.width), MIN_WINDOW_SIZE.width);
  const tallest = Math.max(...workAreas.map((area) => area.height), MIN_WINDOW_SIZE.height);
  const size = { width: Math.min(saved.width, widest), height: Math.min(saved.height, tallest) };
  if (saved.x === undefined || saved.y === undefined) return size;
  const grip = { x: saved.x, y: saved.y, width: Math.min(VISIBLE_GRIP.width, size.width), height: VISIBLE_GRIP.height };
  return workAreas.some((area) => overlaps(grip, area)) ? { x: saved.x, y: saved.y, ...size } : size;
}

/** Where the window is now, as it should be restored (its unmaximized bounds and whether it was maximized). */
export function boundsToRemember(window: Pick<BrowserWindow, 'getNormalBounds' | 'isMaximized'>): WindowBounds {
  const { x, y, width, height } = window.getNormalBounds();
  return { x, y, width, height, maximized: window.isMaximized() };
}

export interface MainWindowDeps {
  /** The server's base URL; the designer is its `/`. */
  serverUrl: string;
  preloadPath: string;
  isDevelopment: boolean;
  preferences: Preferences;
  darkBackground: boolean;
}

/**
 * Opens the designer's window where it was last, and remembers where it is when it closes. The
 * options are written out here, where a reviewer (and Electronegativity) sees them: Electron's
 * security checklist applied to every web preference that matters.
 */
export function createMainWindow(deps: MainWindowDeps): BrowserWindow {
  const saved = deps.preferences.windowBounds();
  const window = new BrowserWindow({
    ...restoredBounds(
      saved,
      screen.getAllDisplays().map((display) => display.workArea),
    ),
    minWidth: MIN_WINDOW_SIZE.width,
    minHeight: MIN_WINDOW_SIZE.height,
    title: PRODUCT_NAME,
    show: false,
    // Painted before the designer's first frame, so a dark theme does not flash white.
    backgroundColor: deps.darkBackground ? '#1e1e1e' : '#ffffff',
    webPreferences: {
      preload: deps.preloadPath,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      sandbox: true,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      // Middle-click must not open links behind the window-open handler's back.
      disableBlinkFeatures: 'Auxclick',
      devTools: deps.isDevelopment,
    },
  });
  if (saved?.maximized) window.maximize();
  window.once('ready-to-show', () => window.show());
  window.on('close', () => deps.preferences.setWindowBounds(boundsToRemember(window)));
  void window.loadURL(`${deps.serverUrl}/`);
  return window;
}
