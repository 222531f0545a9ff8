import { useEffect } from 'react';

/** A keyboard shortcut of the editor: `mod` is Ctrl, or Cmd on a Mac. */
export interface Shortcut {
  key: string;
  mod?: boolean;
  shift?: boolean;
  run: () => void;
}

/** True when the key belongs to a text field, an expression editor, an open dialog or the panel at the bottom rather than the canvas. */
function typingElsewhere(event: KeyboardEvent): boolean {
  // The first element of the composed path: expression editors live in shadow roots, which retarget `event.target`.
  const target = (event.composedPath()[0] ?? event.target) as HTMLElement | null;
  // In the panel at the bottom (Try it, the console's lists and trees) Delete or Ctrl+A is not meant for the canvas.
  if (
    target instanceof Element &&
    target.closest(
      'input, textarea, select, [contenteditable="true"], .cm-editor, [role="dialog"], [role="alertdialog"], [role="listbox"], [role="menu"], .bottom-panel',
    )
  )
    return true;
  return document.querySelector('.modal-overlay') !== null;
}

/** Listens for `shortcuts` on the window while mounted. Ctrl+S works everywhere, the rest only outside text fields. */
export function useKeyboardShortcuts(shortcuts: readonly Shortcut[]): void {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      const mod = event.ctrlKey || event.metaKey;
      const key = event.key.length === 1 ? event.key.toLowerCase() : event.key;
      const match = shortcuts.find((shortcut) => shortcut.key === key && Boolean(shortcut.mod) === mod && Boolean(shortcut.shift) === event.shiftKey);
      if (!match) return;
      const global = match.mod && match.key === 's';
      if (!global && typingElsewhere(event)) return;
      event.preventDefault();
      match.run();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [shortcuts]);
}
