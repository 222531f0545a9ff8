import type { StateCreator } from 'zustand';
import type { ConsoleEntryDetail, ConsoleEntrySummary } from '../../../shared/dto/console.dto.js';
import { errorMessage } from '../api/api-error.js';
import { entryTone, matchesFilters, NO_FILTERS, withLiveEntries, withLiveEntry, withPage, type ConsoleFilters } from './console-entries.js';
import { followConsoleStream, type ConsoleStreamState } from './console-stream.js';
import type { EndpointRef } from '../try-it/try-it-request.js';
import type { WorkspaceSlice } from '../state/workspace.slice.js';
import type { PanelSlice } from '../editor/panel/panel.slice.js';
import type { RunViewSlice } from '../editor/run-view/run-view.slice.js';

/** Entries read per page. */
export const CONSOLE_PAGE_SIZE = 50;
/** How long live entries are gathered before the list shows them. */
const LIVE_BATCH_MS = 100;

export interface ConsoleSlice {
  /** The entries listed, newest first, as filtered. */
  consoleEntries: ConsoleEntrySummary[];
  /** Where the next older page starts, or null at the end. */
  consoleNextBefore: number | null;
  consoleFilters: ConsoleFilters;
  consoleLoading: boolean;
  consoleError: string | null;
  consoleStream: ConsoleStreamState | 'off';
  consoleSelectedId: number | null;
  /** The selected entry with its messages. */
  consoleDetail: ConsoleEntryDetail | null;
  /** Entries marked red (errors) that arrived while the console was not in view. */
  consoleUnseen: number;
  /** Reads the first page and follows the live stream; returns the function that stops it. */
  startConsole: () => () => void;
  setConsoleFilters: (patch: Partial<ConsoleFilters>) => void;
  /** Reads the first page again (with the filters). */
  reloadConsole: () => Promise<void>;
  loadOlderConsoleEntries: () => Promise<void>;
  selectConsoleEntry: (id: number | null) => Promise<void>;
  /** Reads the selected entry again (its messages grow while it runs). */
  refreshConsoleDetail: () => Promise<void>;
  /** Stops a running entry's run; answers the error message when it could not be stopped. */
  stopConsoleEntry: (id: number) => Promise<string | null>;
  markConsoleSeen: () => void;
  /** Shows the entry of a run in the console (by its process id), else the endpoint's entries. */
  showConsoleEntryOf: (processId: string | null, target: EndpointRef) => Promise<void>;
  /** Selects the entry of a run (by its process id) without opening the console, which draws its run on its flow. */
  selectConsoleEntryOf: (processId: string, target: EndpointRef) => Promise<void>;
}

/** The System Console: entries (filtered, paged, kept live by the stream), the selected one, stop. */
export const createConsoleSlice: StateCreator<ConsoleSlice & WorkspaceSlice & PanelSlice & RunViewSlice, [], [], ConsoleSlice> = (set, get) => {
  let pageRequest = 0;
  let detailRequest = 0;
  const unseen = new Set<number>();
  const consoleInView = () => get().panelOpen && get().panelTab === 'console';

  // Live entries are applied in batches, so a burst of calls (a load test) re-renders the list a few times a second, not per call.
  const pending = new Map<number, ConsoleEntrySummary>();
  let flushTimer: ReturnType<typeof setTimeout> | undefined;
  const flush = () => {
    flushTimer = undefined;
    const batch = [...pending.values()];
    pending.clear();
    const { consoleEntries, consoleFilters, consoleSelectedId } = get();
    // An entry turns red when its run ends with errors, which comes as an update of the entry.
    for (const entry of batch) if (entryTone(entry) === 'error' && !consoleInView()) unseen.add(entry.id);
    const { entries, trimmed } = withLiveEntries(consoleEntries, batch, consoleFilters);
    set({ consoleEntries: entries, consoleUnseen: unseen.size, ...(trimmed ? { consoleNextBefore: entries.at(-1)!.id } : {}) });
    if (batch.some((entry) => entry.id === consoleSelectedId)) void get().refreshConsoleDetail();
  };
  const onEntry = (entry: ConsoleEntrySummary) => {
    pending.set(entry.id, entry);
    flushTimer ??= setTimeout(flush, LIVE_BATCH_MS);
  };

  const findEntryOf = async (processId: string, target: EndpointRef): Promise<ConsoleEntrySummary | undefined> => {
    const { client, consoleEntries } = get();
    const listed = consoleEntries.find((entry) => entry.processId === processId);
    if (listed || !client) return listed;
    try {
      // The console's search finds a run by its process id.
      const page = await client.console.entries({ application: target.application, actionflow: target.actionflow, q: processId, limit: CONSOLE_PAGE_SIZE });
      return page.entries.find((entry) => entry.processId === processId);
    } catch (error) {
      set({ consoleError: errorMessage(error) });
      return undefined;
    }
  };

  return {
    consoleEntries: [],
    consoleNextBefore: null,
    consoleFilters: NO_FILTERS,
    consoleLoading: false,
    consoleError: null,
    consoleStream: 'off',
    consoleSelectedId: null,
    consoleDetail: null,
    consoleUnseen: 0,
    startConsole: () => {
      const client = get().client;
      if (!client) return () => undefined;
      return followConsoleStream(client.console, {
        entry: onEntry,
        state: (consoleStream) => set({ consoleStream }),
        opened: () => void get().reloadConsole(),
      });
    },
    setConsoleFilters: (patch) => {
      set({ consoleFilters: { ...get().consoleFilters, ...patch } });
      void get().reloadConsole();
    },
    reloadConsole: async () => {
      const client = get().client;
      if (!client) return;
      const request = ++pageRequest;
      const filters = get().consoleFilters;
      set({ consoleLoading: true });
      try {
        const page = await client.console.entries({ ...filters, status: filters.status || undefined, limit: CONSOLE_PAGE_SIZE });
        if (request !== pageRequest) return;
        const newest = page.entries[0]?.id ?? 0;
        // Entries that came over the stream while the page was read are newer than it: keep them.
        const arrived = get().consoleEntries.filter((entry) => entry.id > newest && matchesFilters(entry, filters));
        set({ consoleEntries: withPage(page.entries, arrived), consoleNextBefore: page.nextBefore, consoleError: null });
      } catch (error) {
        if (request === pageRequest) set({ consoleError: errorMessage(error) });
      } finally {
        if (request === pageRequest) set({ consoleLoading: false });
      }
    },
    loadOlderConsoleEntries: async () => {
      const { client, consoleNextBefore, consoleFilters: filters } = get();
      if (!client || consoleNextBefore === null) return;
      const request = ++pageRequest;
      set({ consoleLoading: true });
      try {
        const page = await client.console.entries({ ...filters, status: filters.status || undefined, before: consoleNextBefore, limit: CONSOLE_PAGE_SIZE });
        if (request !== pageRequest) return;
        set({ consoleEntries: withPage(get().consoleEntries, page.entries), consoleNextBefore: page.nextBefore, consoleError: null });
      } catch (error) {
        if (request === pageRequest) set({ consoleError: errorMessage(error) });
      } finally {
        if (request === pageRequest) set({ consoleLoading: false });
      }
    },
    selectConsoleEntry: async (id) => {
      set({ consoleSelectedId: id, consoleDetail: get().consoleDetail?.id === id ? get().consoleDetail : null });
      if (id === null) void get().showRun(null);
      if (id !== null) await get().refreshConsoleDetail();
    },
    refreshConsoleDetail: async () => {
      const { client, consoleSelectedId: id } = get();
      if (!client || id === null) return;
      const request = ++detailRequest;
      try {
        const detail = await client.console.entry(id);
        if (request === detailRequest && get().consoleSelectedId === id) {
          set({ consoleDetail: detail, consoleError: null });
          // The selected entry's run is drawn on its flow; a run that has ended since is read again.
          const shown = get().shownRun;
          if (shown?.entry !== id || (shown.trace === null && shown.status !== detail.status)) void get().showRun(detail);
        }
      } catch (error) {
        if (request === detailRequest) set({ consoleError: errorMessage(error) });
      }
    },
    stopConsoleEntry: async (id) => {
      const client = get().client;
      if (!client) return 'not connected';
      try {
        const detail = await client.console.stop(id);
        const { consoleEntries, consoleFilters, consoleSelectedId } = get();
        const { messages: _messages, droppedMessages: _dropped, ...summary } = detail;
        set({ consoleEntries: withLiveEntry(consoleEntries, summary, consoleFilters), ...(consoleSelectedId === id ? { consoleDetail: detail } : {}) });
        return null;
      } catch (error) {
        void get().refreshConsoleDetail();
        return errorMessage(error);
      }
    },
    markConsoleSeen: () => {
      unseen.clear();
      if (get().consoleUnseen !== 0) set({ consoleUnseen: 0 });
    },
    selectConsoleEntryOf: async (processId, target) => {
      const found = await findEntryOf(processId, target);
      if (found) await get().selectConsoleEntry(found.id);
    },
    showConsoleEntryOf: async (processId, target) => {
      get().showPanelTab('console');
      const found = processId ? await findEntryOf(processId, target) : undefined;
      if (found) {
        await get().selectConsoleEntry(found.id);
        return;
      }
      // A reply without a process id (a response node's): the endpoint's newest entry is the run just made, not an older one left open.
      set({ consoleFilters: { ...NO_FILTERS, application: target.application, actionflow: target.actionflow } });
      await get().reloadConsole();
      await get().selectConsoleEntry(get().consoleEntries[0]?.id ?? null);
    },
  };
};
