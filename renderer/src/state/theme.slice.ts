import type { StateCreator } from 'zustand';
import type { ThemePreference } from '../../../shared/preload-api.js';
import { desktopApi } from '../session/read-session.js';

export interface ThemeSlice {
  themePreference: ThemePreference;
  /** The theme in effect: the preference, or the system's for `system`. */
  theme: 'light' | 'dark';
  setThemePreference: (preference: ThemePreference) => void;
  setSystemTheme: (theme: 'light' | 'dark') => void;
}

const THEME_KEY = 'actionflow-studio:theme';
const DARK_QUERY = '(prefers-color-scheme: dark)';

function storedPreference(): ThemePreference {
  const desktop = desktopApi();
  if (desktop) return desktop.theme;
  const stored = window.localStorage.getItem(THEME_KEY);
  return stored === 'light' || stored === 'dark' ? stored : 'system';
}

function systemTheme(): 'light' | 'dark' {
  return window.matchMedia?.(DARK_QUERY).matches ? 'dark' : 'light';
}

const resolve = (preference: ThemePreference, system: 'light' | 'dark') => (preference === 'system' ? system : preference);

/** Light or dark: the system's by default, or what the user chose (remembered by the desktop app or this browser). */
export const createThemeSlice: StateCreator<ThemeSlice, [], [], ThemeSlice> = (set, get) => {
  const preference = storedPreference();
  return {
    themePreference: preference,
    theme: resolve(preference, systemTheme()),
    setThemePreference: (next) => {
      const desktop = desktopApi();
      if (desktop) desktop.setTheme(next);
      else if (next === 'system') window.localStorage.removeItem(THEME_KEY);
      else window.localStorage.setItem(THEME_KEY, next);
      set({ themePreference: next, theme: resolve(next, systemTheme()) });
    },
    setSystemTheme: (system) => set({ theme: resolve(get().themePreference, system) }),
  };
};

/** Calls `listener` when the system switches between light and dark; returns the function that stops it. */
export function watchSystemTheme(listener: (theme: 'light' | 'dark') => void): () => void {
  const query = window.matchMedia?.(DARK_QUERY);
  if (!query) return () => undefined;
  const onChange = () => listener(query.matches ? 'dark' : 'light');
  query.addEventListener('change', onChange);
  return () => query.removeEventListener('change', onChange);
}
