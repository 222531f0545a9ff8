import type { StateCreator } from 'zustand';
import type { Reachability } from '../api/admin-transport.js';
import type { WorkspaceSlice } from './workspace.slice.js';

export interface ConnectionSlice {
  reachability: Reachability;
  /** Set while offline: when the next attempt to reach the server is made (ms since epoch). */
  nextRetryAt: number | null;
  retryAttempt: number;
  setReachability: (state: Reachability) => void;
  /** Tries to reach the server now instead of waiting for the next attempt. */
  retryNow: () => void;
}

const FIRST_RETRY_MS = 1000;
const LONGEST_RETRY_MS = 15_000;

/** The wait before retry number `attempt` (0-based): doubling from 1 s, at most 15 s. */
export function retryDelay(attempt: number): number {
  return Math.min(FIRST_RETRY_MS * 2 ** attempt, LONGEST_RETRY_MS);
}

/**
 * Whether the server answers. When it does not (stopped, restarting), the designer keeps every edit
 * and tries again with a growing wait until it answers, then reloads what it shows.
 */
export const createConnectionSlice: StateCreator<ConnectionSlice & WorkspaceSlice, [], [], ConnectionSlice> = (set, get) => {
  // The store's own pending retry: one per store, so a second store (a test's) never clears it.
  let retryTimer: ReturnType<typeof setTimeout> | undefined;
  const schedule = () => {
    clearTimeout(retryTimer);
    const attempt = get().retryAttempt;
    const delay = retryDelay(attempt);
    set({ nextRetryAt: Date.now() + delay, retryAttempt: attempt + 1 });
    retryTimer = setTimeout(() => void get().loadWorkspace(), delay);
  };

  return {
    reachability: 'online',
    nextRetryAt: null,
    retryAttempt: 0,
    setReachability: (state) => {
      const previous = get().reachability;
      if (state === 'offline') {
        set({ reachability: 'offline' });
        schedule();
        return;
      }
      clearTimeout(retryTimer);
      set({ reachability: state, nextRetryAt: null, retryAttempt: 0 });
      if (previous === 'offline' && state === 'online') void get().loadWorkspace();
    },
    retryNow: () => {
      clearTimeout(retryTimer);
      void get().loadWorkspace();
    },
  };
};
