import { UNCHECKED } from '../../../renderer/src/editor/flow-checks.js';
import type { FlowStore } from '../../../renderer/src/editor/flow-store.js';
import type { FlowProblems } from '../../../renderer/src/editor/validate-draft.js';

/**
 * The open flow's problems once it has been checked: at once when it has, else when its checks have
 * run. `unchecked` is the marker of the store's own copy of flow-checks.ts (after `vi.resetModules`).
 */
export function checkedProblems(store: FlowStore, unchecked: FlowProblems = UNCHECKED): Promise<FlowProblems> {
  return new Promise((resolve) => {
    if (store.getState().problems !== unchecked) return resolve(store.getState().problems);
    const stop = store.subscribe((state) => {
      if (state.problems === unchecked) return;
      stop();
      resolve(state.problems);
    });
  });
}
