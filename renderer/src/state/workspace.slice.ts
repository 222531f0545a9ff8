import type { StateCreator } from 'zustand';
import { errorMessage } from '../api/api-error.js';
import type { StudioState, WorkspaceSlice } from './studio-store.types.js';

/** The applications, flows and tables the home lists, and the settings that shape copied URLs. */
export const createWorkspaceSlice: StateCreator<StudioState, [], [], WorkspaceSlice> = (set, get) => ({
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
