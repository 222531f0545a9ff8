import type { StateCreator } from 'zustand';
import type { RunTrace } from '../../../../shared/dto/run-trace.dto.js';
import { errorMessage } from '../../api/api-error.js';
import type { WorkspaceSlice } from '../../state/workspace.slice.js';
import type { RouteSlice } from '../../state/route.slice.js';

/** The run drawn on its flow's canvas (DESIGN §8): a console entry and what its run did. */
export interface ShownRun {
  entry: number;
  application: string;
  actionflow: string;
  status: string;
  /** Null while the run goes on, for a refused call, or when it could not be read (`message` says why). */
  trace: RunTrace | null;
  message: string | null;
}

/** A console message's node to select on its flow's canvas; `seq` makes the same node asked twice a new request. */
export interface NodeFocusRequest {
  application: string;
  actionflow: string;
  /** The node's name as the message names it (`callNode/inner` for a node of a called flow). */
  node: string;
  seq: number;
}

export interface RunViewSlice {
  shownRun: ShownRun | null;
  nodeFocus: NodeFocusRequest | null;
  /** Shows the run of console entry `entry` on its flow (read again when the entry changes); null hides it. */
  showRun: (entry: { id: number; application: string; actionflow: string; status: string } | null) => Promise<void>;
  /** Opens the flow and selects the node a console message names. */
  focusNode: (request: Omit<NodeFocusRequest, 'seq'>) => void;
  clearNodeFocus: () => void;
}

/** The run shown on the canvas and the console's requests to select a node there. */
export const createRunViewSlice: StateCreator<RunViewSlice & WorkspaceSlice & RouteSlice, [], [], RunViewSlice> = (set, get) => {
  let request = 0;
  let focusSeq = 0;
  return {
    shownRun: null,
    nodeFocus: null,
    showRun: async (entry) => {
      const mine = ++request;
      if (!entry) {
        set({ shownRun: null });
        return;
      }
      const client = get().client;
      const base: ShownRun = {
        entry: entry.id,
        application: entry.application,
        actionflow: entry.actionflow,
        status: entry.status,
        trace: null,
        message: null,
      };
      const previous = get().shownRun;
      // The same run read again (it finished meanwhile) keeps what it showed until the new trace arrives.
      set({ shownRun: previous?.entry === entry.id ? { ...previous, status: entry.status } : base });
      if (!client || entry.status === 'Running' || entry.status === 'Refused') return;
      try {
        const { trace } = await client.console.trace(entry.id);
        if (mine === request) set({ shownRun: { ...base, trace } });
      } catch (error) {
        if (mine === request) set({ shownRun: { ...base, message: errorMessage(error) } });
      }
    },
    focusNode: (target) => {
      const route = get().route;
      if (route.view !== 'flow' || route.application !== target.application || route.flow !== target.actionflow) {
        get().navigate({ view: 'flow', application: target.application, flow: target.actionflow });
      }
      set({ nodeFocus: { ...target, seq: ++focusSeq } });
    },
    clearNodeFocus: () => set({ nodeFocus: null }),
  };
};
