import type { ThemePreference } from '../shared/preload-api.js';

/**
 * The named IPC channels between the preload and the main process: one per bridge method,
 * never a generic pass-through. The preload cannot import values (a sandboxed preload
 * requires only 'electron'), so it types its literals against `IpcChannels` instead.
 */
export const IPC_CHANNELS = {
  /** Synchronous, once per page load: what the preload exposes as plain values. */
  bootstrap: 'studio:bootstrap',
  setTheme: 'studio:set-theme',
  openWorkspaceFile: 'studio:open-workspace-file',
  saveWorkspaceFile: 'studio:save-workspace-file',
  /** Main to renderer: a native menu command. */
  menuCommand: 'studio:menu-command',
} as const;

export type IpcChannels = typeof IPC_CHANNELS;

/** The reply to the synchronous bootstrap message. */
export interface DesktopBootstrap {
  version: string;
  serverUrl: string;
  sessionToken: string;
  theme: ThemePreference;
}
