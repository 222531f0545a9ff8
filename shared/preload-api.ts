/** Commands the desktop app's native menus send to the designer. */
export const MENU_COMMANDS = ['new-endpoint', 'import', 'export', 'toggle-console', 'toggle-dark-mode', 'open-settings'] as const;
export type MenuCommand = (typeof MENU_COMMANDS)[number];

export type ThemePreference = 'light' | 'dark' | 'system';

/** A file chosen in a native open dialog. */
export interface OpenedFile {
  name: string;
  text: string;
}

/**
 * What the desktop app's preload exposes to the designer as `window.studio` (one named, typed
 * object; no generic IPC). Absent in the browser designer, which reads the token from the URL
 * fragment and uses downloads and file inputs instead of native dialogs.
 */
export interface StudioDesktopApi {
  /** The app's version, e.g. "0.1.0". */
  readonly version: string;
  /** The embedded server's base URL, e.g. http://127.0.0.1:8080 */
  readonly serverUrl: string;
  /** The admin API's session token. */
  readonly sessionToken: string;
  /** The theme the user chose last (kept by the desktop app between runs). */
  readonly theme: ThemePreference;
  /** Remembers the chosen theme. */
  setTheme(theme: ThemePreference): void;
  /** Shows a native open dialog for a workspace file; null when cancelled. */
  openWorkspaceFile(): Promise<OpenedFile | null>;
  /** Shows a native save dialog and writes `text`; false when cancelled. */
  saveWorkspaceFile(suggestedName: string, text: string): Promise<boolean>;
  /** Calls `listener` for each native menu command; returns the function that stops listening. */
  onMenuCommand(listener: (command: MenuCommand) => void): () => void;
}

/** The name of the global the preload defines. */
export const DESKTOP_API_GLOBAL = 'studio';
