import { create } from 'zustand';
import { createConnectionSlice } from './connection.slice.js';
import { createConsoleSlice } from './console.slice.js';
import { createPanelSlice } from './panel.slice.js';
import { createRouteSlice } from './route.slice.js';
import { createRunViewSlice } from './run-view.slice.js';
import { createSecuritySlice } from './security.slice.js';
import type { StudioState } from './studio-store.types.js';
import { createThemeSlice } from './theme.slice.js';
import { createTransferSlice } from './transfer.slice.js';
import { createTryItSlice } from './try-it.slice.js';
import { createWorkspaceSlice } from './workspace.slice.js';

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
