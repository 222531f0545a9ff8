import type { WorkspaceSummary } from '../../../shared/dto/workspace.dto.js';
import type { ThemePreference } from '../../../shared/preload-api.js';
import type { Settings } from '../../../shared/schemas/settings.schema.js';
import type { Reachability } from '../api/admin-transport.js';
import type { StudioClient } from '../api/studio-client.js';
import type { ConsoleSlice } from './console.slice.js';
import type { PanelSlice } from './panel.slice.js';
import type { Route } from './routes.js';
import type { RunViewSlice } from './run-view.slice.js';
import type { SecuritySlice } from './security.slice.js';
import type { TransferSlice } from './transfer.slice.js';
import type { TryItSlice } from './try-it.slice.js';

export interface RouteSlice {
  route: Route;
  /** Set when something outside the home (a desktop menu) asks it to open its "New API Endpoint" dialog. */
  newEndpointRequested: boolean;
  requestNewEndpoint: (requested: boolean) => void;
  /** Goes to `route`; `replace` rewrites the current history entry (e.g. after a rename). */
  navigate: (route: Route, options?: { replace?: boolean }) => void;
  /** Follows the address bar (back and forward buttons). */
  syncRouteFromLocation: () => void;
}

export interface ConnectionSlice {
  reachability: Reachability;
  /** Set while offline: when the next attempt to reach the server is made (ms since epoch). */
  nextRetryAt: number | null;
  retryAttempt: number;
  setReachability: (state: Reachability) => void;
  /** Tries to reach the server now instead of waiting for the next attempt. */
  retryNow: () => void;
}

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

export interface ThemeSlice {
  themePreference: ThemePreference;
  /** The theme in effect: the preference, or the system's for `system`. */
  theme: 'light' | 'dark';
  setThemePreference: (preference: ThemePreference) => void;
  setSystemTheme: (theme: 'light' | 'dark') => void;
}

export type StudioState = RouteSlice & ConnectionSlice & WorkspaceSlice & ThemeSlice & SecuritySlice & TransferSlice & PanelSlice & TryItSlice & ConsoleSlice & RunViewSlice;
