import { createContext, useContext } from 'react';
import { useStore } from 'zustand';
import { useShallow } from 'zustand/react/shallow';
import type { TemporalState } from 'zundo';
import type { FlowStore } from './flow-store.js';
import type { FlowEditorState } from './flow-store.types.js';

/** The store of the flow open in the editor. */
export const FlowStoreContext = createContext<FlowStore | null>(null);

export function useFlowStoreApi(): FlowStore {
  const store = useContext(FlowStoreContext);
  if (!store) throw new Error('useFlowStoreApi is used outside a flow editor');
  return store;
}

/** Selects from the open flow's store, re-rendering only when the selected values change (shallowly). */
export function useFlowEditor<T>(selector: (state: FlowEditorState) => T): T {
  return useStore(useFlowStoreApi(), useShallow(selector));
}

/** Selects from the open flow's undo history. */
export function useFlowHistory<T>(selector: (state: TemporalState<FlowEditorState>) => T): T {
  return useStore(useFlowStoreApi().temporal, useShallow(selector));
}
