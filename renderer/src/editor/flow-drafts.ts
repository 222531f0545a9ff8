import type { Actionflow } from '../../../shared/schemas/actionflow.schema.js';

/** Unsaved edits kept in this browser, so that a lost server or a reload loses nothing. */
export interface StoredDraft {
  baseRevision: number;
  flow: Actionflow;
  /** When the draft was last written (ISO 8601). */
  savedAt: string;
}

const PREFIX = 'actionflow-studio:draft:';

const draftKeyOf = (application: string, flow: string) => `${PREFIX}${JSON.stringify([application, flow])}`;

/** The unsaved edits of a flow, or undefined. */
export function readDraft(application: string, flow: string): StoredDraft | undefined {
  const text = window.localStorage.getItem(draftKeyOf(application, flow));
  if (!text) return undefined;
  try {
    const draft = JSON.parse(text) as StoredDraft;
    return typeof draft.baseRevision === 'number' && draft.flow && Array.isArray(draft.flow.nodes) ? draft : undefined;
  } catch {
    return undefined;
  }
}

/** Keeps the unsaved edits of a flow (a full browser storage is ignored: the edits stay on screen). */
export function writeDraft(application: string, flow: string, draft: Omit<StoredDraft, 'savedAt'>): void {
  try {
    window.localStorage.setItem(draftKeyOf(application, flow), JSON.stringify({ ...draft, savedAt: new Date().toISOString() }));
  } catch {
    // Storage full or disabled: nothing more to do than keep editing.
  }
}

export function clearDraft(application: string, flow: string): void {
  window.localStorage.removeItem(draftKeyOf(application, flow));
}
