import { useCallback, useEffect, useRef, useState } from 'react';
import { errorMessage } from '../api/api-error.js';
import type { StudioClient } from '../api/studio-client.js';
import { notify } from '../ui/notifications.js';
import { clearDraft, readDraft, writeDraft } from './flow-drafts.js';
import { draftFromFlow, draftKey, flowFromDraft } from './flow-model.js';
import { createFlowStore, type FlowStore } from './flow-store.js';

export type FlowLoad = { status: 'loading' } | { status: 'failed'; message: string } | { status: 'ready'; store: FlowStore };

const DRAFT_WRITE_DELAY_MS = 250;

/** An editor whose save just renamed its flow, waiting for the editor opened under the new name to take it over. */
let renamed: FlowStore | null = null;

/** Hands the open editor (its draft, selection and undo history) to the editor that opens the flow under its new name. */
export function handOverRenamedFlow(store: FlowStore): void {
  renamed = store;
}

function takeRenamed(application: string, flow: string): FlowLoad {
  const store = renamed;
  renamed = null;
  const state = store?.getState();
  return store && state?.application === application && state.savedName === flow ? { status: 'ready', store } : { status: 'loading' };
}

/**
 * Loads a flow into a new editor store, starting from the unsaved edits this browser kept for it
 * when there are any, and keeps those edits in the browser while they are unsaved.
 */
export function useFlowDocument(client: StudioClient | null, application: string, flow: string): { load: FlowLoad; retry: () => void } {
  const [load, setLoad] = useState<FlowLoad>(() => takeRenamed(application, flow));
  const [attempt, setAttempt] = useState(0);
  const openStore = useRef<FlowStore | null>(null);
  openStore.current = load.status === 'ready' ? load.store : null;
  const retry = useCallback(() => setAttempt((n) => n + 1), []);

  useEffect(() => {
    if (!client) return;
    // A save that renamed the flow opens it under its new name: the open editor (and its undo history) is already it.
    const open = openStore.current?.getState();
    if (open && open.application === application && open.savedName === flow) return;
    let cancelled = false;
    setLoad((current) => (current.status === 'ready' ? current : { status: 'loading' }));
    client.getFlow(application, flow).then(
      (document) => {
        if (cancelled) return;
        const draft = readDraft(application, flow);
        const differs = draft && (draft.baseRevision !== document.revision || draftKey(draftFromFlow(draft.flow)) !== draftKey(draftFromFlow(document.flow)));
        if (draft && !differs) clearDraft(application, flow);
        const store = createFlowStore(document, differs ? draft : undefined);
        if (differs)
          notify({ tone: 'info', title: 'Unsaved edits restored', description: `Kept in this browser since ${new Date(draft.savedAt).toLocaleString()}.` });
        setLoad({ status: 'ready', store });
      },
      (error) => !cancelled && setLoad({ status: 'failed', message: errorMessage(error) }),
    );
    return () => {
      cancelled = true;
    };
  }, [client, application, flow, attempt]);

  const store = load.status === 'ready' ? load.store : null;
  useEffect(() => {
    if (!store) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const persist = () => {
      const state = store.getState();
      if (state.dirty) writeDraft(state.application, state.savedName, { baseRevision: state.baseRevision, flow: flowFromDraft(state) });
      else clearDraft(state.application, state.savedName);
    };
    const unsubscribe = store.subscribe((state, previous) => {
      if (state.savedName !== previous.savedName) clearDraft(previous.application, previous.savedName);
      clearTimeout(timer);
      timer = setTimeout(persist, DRAFT_WRITE_DELAY_MS);
    });
    // A reload or a closed tab must not lose the last keystrokes still waiting for the timer.
    window.addEventListener('pagehide', persist);
    return () => {
      clearTimeout(timer);
      persist();
      unsubscribe();
      window.removeEventListener('pagehide', persist);
    };
  }, [store]);

  return { load, retry };
}
