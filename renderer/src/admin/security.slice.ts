import type { StateCreator } from 'zustand';
import type { ApiKeyRecord, SecurityOverview } from '../../../shared/dto/security.dto.js';
import { errorMessage } from '../api/api-error.js';
import type { WorkspaceSlice } from '../state/workspace.slice.js';

export interface SecuritySlice {
  /** Users, groups, roles, secret keys (never their values) and the privileges a role can hold. */
  security: SecurityOverview | null;
  /** Every API key's record; the keys themselves are shown once, when generated. */
  apiKeys: ApiKeyRecord[] | null;
  securityError: string | null;
  /** The user whose API keys the keys screen lists, or null for every user's. */
  apiKeyUser: string | null;
  setApiKeyUser: (user: string | null) => void;
  /** Reads the security overview and the API key records again (after a change, or on opening the admin screens). */
  loadSecurity: () => Promise<void>;
}

/** What the admin screens list: users, groups, roles, API keys and secret keys. */
export const createSecuritySlice: StateCreator<SecuritySlice & WorkspaceSlice, [], [], SecuritySlice> = (set, get) => ({
  security: null,
  apiKeys: null,
  securityError: null,
  apiKeyUser: null,
  setApiKeyUser: (user) => set({ apiKeyUser: user }),
  loadSecurity: async () => {
    const client = get().client;
    if (!client) return;
    try {
      const [security, { keys }] = await Promise.all([client.security.overview(), client.security.apiKeys()]);
      set({ security, apiKeys: keys, securityError: null });
    } catch (error) {
      set({ securityError: errorMessage(error) });
    }
  },
});
