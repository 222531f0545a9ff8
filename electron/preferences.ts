import { ipcMain, type IpcMainEvent } from 'electron';
import type { ThemePreference } from '../shared/preload-api.js';
import { IPC_CHANNELS } from './ipc-channels.js';

/** Where the window was when it last closed. */
export interface WindowBounds {
  x?: number;
  y?: number;
  width: number;
  height: number;
  maximized: boolean;
}

export interface PreferenceValues {
  theme: ThemePreference;
  windowBounds?: WindowBounds;
}

/** The part of electron-store the preferences use (tests give a map instead). */
export interface PreferenceStore {
  get<K extends keyof PreferenceValues>(key: K): PreferenceValues[K];
  set<K extends keyof PreferenceValues>(key: K, value: PreferenceValues[K]): void;
}

export const THEMES: readonly ThemePreference[] = ['light', 'dark', 'system'];

export const MIN_WINDOW_SIZE = { width: 800, height: 560 } as const;

/** True for the themes the designer offers. */
export function isThemePreference(value: unknown): value is ThemePreference {
  return typeof value === 'string' && (THEMES as readonly string[]).includes(value);
}

/** True for bounds worth restoring: whole numbers, at least the window's minimum size. */
export function isWindowBounds(value: unknown): value is WindowBounds {
  if (typeof value !== 'object' || value === null) return false;
  const bounds = value as Record<string, unknown>;
  const isInteger = (n: unknown) => Number.isSafeInteger(n);
  return (
    isInteger(bounds.width) &&
    isInteger(bounds.height) &&
    (bounds.width as number) >= MIN_WINDOW_SIZE.width &&
    (bounds.height as number) >= MIN_WINDOW_SIZE.height &&
    (bounds.x === undefined || isInteger(bounds.x)) &&
    (bounds.y === undefined || isInteger(bounds.y)) &&
    typeof bounds.maximized === 'boolean'
  );
}

/** The desktop app's own preferences (DESIGN §7): window bounds and theme. */
export interface Preferences {
  theme(): ThemePreference;
  setTheme(theme: ThemePreference): void;
  windowBounds(): WindowBounds | undefined;
  setWindowBounds(bounds: WindowBounds): void;
}

/** Preferences over `store`, reading defensively (a value that fails its check reads as the default). */
export function createPreferences(store: PreferenceStore): Preferences {
  return {
    theme: () => {
      const theme: unknown = store.get('theme');
      return isThemePreference(theme) ? theme : 'system';
    },
    setTheme: (theme) => store.set('theme', theme),
    windowBounds: () => {
      const bounds: unknown = store.get('windowBounds');
      return isWindowBounds(bounds) ? bounds : undefined;
    },
    setWindowBounds: (bounds) => {
      if (isWindowBounds(bounds)) store.set('windowBounds', bounds);
    },
  };
}

export interface PreferenceHandlerDeps {
  preferences: Preferences;
  isTrustedSender(event: IpcMainEvent): boolean;
  /** Applies a theme to native UI (menus, dialogs, `prefers-color-scheme`). */
  applyTheme(theme: ThemePreference): void;
}

/** `window.studio.setTheme`: remembered only when it comes from the app's page and names a known theme. */
export function registerPreferenceHandlers(deps: PreferenceHandlerDeps): void {
  ipcMain.on(IPC_CHANNELS.setTheme, (event, theme: unknown) => {
    if (!deps.isTrustedSender(event) || !isThemePreference(theme)) return;
    deps.preferences.setTheme(theme);
    deps.applyTheme(theme);
  });
}
