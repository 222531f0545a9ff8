import type { StateCreator } from 'zustand';
import { errorMessage } from '../api/api-error.js';
import type { WorkspaceSummary } from '../../../shared/dto/workspace.dto.js';
import type { Settings } from '../../../shared/schemas/settings.schema.js';
import type { StudioClient } from '../api/studio-client.js';

export interface WorkspaceSlice {
  client: StudioClient | null;
  /** The server's own origin: the base of copied URLs when no public base URL is set. */
  serverUrl: string;
  workspace: WorkspaceSummary | null;
  workspaceError: string | null;
  /** The server's settings as far as the designer needs them (instance, public base URL). */
  settings: Partial<Settings> | null;
  loadWorkspace: () => Promise<void>;
  loadSettings: () => Promise<void>;
}

/** The applications, flows and tables the home lists, and the settings that shape copied URLs. */
export const createWorkspaceSlice: StateCreator<WorkspaceSlice, [], [], WorkspaceSlice> = (set, get) => ({
  client: null,
  serverUrl: window.location.origin,
  workspace: null,
  workspaceError: null,
  settings: null,
  loadWorkspace: async () => {
    const client = get().client;
    if (!client) return;
    try {
      const workspace = await client.workspace();
      // Keep the same object when nothing changed, so that forms showing it do not re-render.
      const unchanged = JSON.stringify(workspace) === JSON.stringify(get().workspace);
      set({ ...(unchanged ? {} : { workspace }), workspaceError: null });
    } catch (error) {
      set({ workspaceError: errorMessage(error) });
    }
  },
  loadSettings: async () => {
    const client = get().client;
    if (!client) return;
    try {
      set({ settings: await client.settings() });
    } catch {
      set({ settings: null });
    }
  },
});
