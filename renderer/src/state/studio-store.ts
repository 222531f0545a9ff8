import { create } from 'zustand';
import { createConnectionSlice, type ConnectionSlice } from './connection.slice.js';
import { createConsoleSlice, type ConsoleSlice } from '../console/console.slice.js';
import { createPanelSlice, type PanelSlice } from '../editor/panel/panel.slice.js';
import { createRouteSlice, type RouteSlice } from './route.slice.js';
import { createRunViewSlice, type RunViewSlice } from '../editor/run-view/run-view.slice.js';
import { createSecuritySlice, type SecuritySlice } from '../admin/security.slice.js';
import { createThemeSlice, type ThemeSlice } from './theme.slice.js';
import { createTransferSlice, type TransferSlice } from '../transfer/transfer.slice.js';
import { createTryItSlice, type TryItSlice } from '../try-it/try-it.slice.js';
import { createWorkspaceSlice, type WorkspaceSlice } from './workspace.slice.js';

/** Everything the designer's store holds: its slices, each declared beside its creator. */
export type StudioState = RouteSlice &
  ConnectionSlice &
  WorkspaceSlice &
  ThemeSlice &
  SecuritySlice &
  TransferSlice &
  PanelSlice &
  TryItSlice &
  ConsoleSlice &
  RunViewSlice;

/** The designer's one bound store (everything but the open flow, which has a store of its own). */
export const useStudioStore = create<StudioState>()((...a) => ({
  ...createRouteSlice(...a),
  ...createConnectionSlice(...a),
  ...createWorkspaceSlice(...a),
  ...createThemeSlice(...a),
  ...createSecuritySlice(...a),
  ...createTransferSlice(...a),
  ...createPanelSlice(...a),
  ...createTryItSlice(...a),
  ...createConsoleSlice(...a),
  ...createRunViewSlice(...a),
}));
