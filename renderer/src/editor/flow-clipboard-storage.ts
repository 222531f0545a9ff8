import { parseClipboard, type FlowClipboard } from './flow-clipboard.js';

const CLIPBOARD_KEY = 'actionflow-studio:clipboard';

/** Keeps copied nodes where every tab of the designer can paste them, and on the system clipboard as JSON. */
export function writeClipboard(clipboard: FlowClipboard): void {
  const text = JSON.stringify(clipboard);
  window.localStorage.setItem(CLIPBOARD_KEY, text);
  navigator.clipboard?.writeText(text).catch(() => undefined);
}

/** The nodes last copied in the designer, or null. */
export function readClipboard(): FlowClipboard | null {
  return parseClipboard(window.localStorage.getItem(CLIPBOARD_KEY));
}
