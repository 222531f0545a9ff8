import type { EditorView } from '@codemirror/view';
import { useEffect, type RefObject } from 'react';

/** Shows in the editor a value changed from outside (undo, redo, another field); the same text leaves the cursor where it is. */
export function useEditorValue(view: RefObject<EditorView | null>, value: string): void {
  useEffect(() => {
    const editor = view.current;
    if (editor && editor.state.doc.toString() !== value) editor.dispatch({ changes: { from: 0, to: editor.state.doc.length, insert: value } });
  }, [view, value]);
}
