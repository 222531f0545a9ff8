import { readClipboard, writeClipboard } from './flow-clipboard-storage.js';
import type { FlowStore } from './flow-store.js';

/** Copy, cut, paste and duplicate on `store`'s selection, the same from the keyboard and from the canvas's context menu. */
export function clipboardCommands(store: FlowStore) {
  const state = () => store.getState();
  const copy = () => {
    const copied = state().copySelection();
    if (copied) writeClipboard(copied);
    return copied !== null;
  };
  return {
    copy: () => void copy(),
    cut: () => {
      if (copy()) state().deleteSelection();
    },
    paste: () => {
      const clipboard = readClipboard();
      if (clipboard) state().paste(clipboard);
    },
    duplicate: () => {
      const copied = state().copySelection();
      if (copied) state().paste(copied);
    },
  };
}
