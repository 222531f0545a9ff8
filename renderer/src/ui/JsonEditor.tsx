import { defaultKeymap, history, historyKeymap } from '@codemirror/commands';
import { json, jsonParseLinter } from '@codemirror/lang-json';
import { syntaxHighlighting } from '@codemirror/language';
import { linter } from '@codemirror/lint';
import { EditorState } from '@codemirror/state';
import { EditorView, keymap, lineNumbers } from '@codemirror/view';
import { classHighlighter } from '@lezer/highlight';
import { useEffect, useRef } from 'react';
import { mountShadowEditor } from '../editor/expression/editor-shadow-root.js';
import { typedOverSelection } from '../editor/expression/typed-over-selection.js';
import { useEditorValue } from '../editor/expression/use-editor-value.js';

export interface JsonEditorProps {
  /** Read by assistive technology (the editor lives in a shadow root, out of reach of a `<label for>`). */
  label: string;
  value: string;
  onChange?: (value: string) => void;
  /** Shows the text, highlighted, without letting it be edited. */
  readOnly?: boolean;
  /** Underlines JSON that does not parse (for a body that is meant to be JSON). */
  lint?: boolean;
  className?: string;
  testId?: string;
  /** Ctrl+Enter (⌘Enter): e.g. send the request being edited. */
  onSubmit?: () => void;
}

/**
 * A CodeMirror editor for JSON (`@codemirror/lang-json`): highlighting by CSS class, line numbers,
 * undo, and JSON parse errors underlined. Mounted in a shadow root like the expression editors, so
 * the strict CSP holds. Fills the height of its box.
 */
export function JsonEditor({ label, value, onChange, readOnly = false, lint = false, className, testId, onSubmit }: JsonEditorProps) {
  const host = useRef<HTMLDivElement>(null);
  const view = useRef<EditorView | null>(null);
  const callbacks = useRef({ onChange, onSubmit });
  callbacks.current = { onChange, onSubmit };

  useEffect(() => {
    const { editor, unmount } = mountShadowEditor(
      host.current!,
      EditorState.create({
        doc: value,
        extensions: [
          lineNumbers(),
          json(),
          syntaxHighlighting(classHighlighter),
          EditorView.lineWrapping,
          EditorView.contentAttributes.of({ 'aria-label': label, 'aria-multiline': 'true', ...(readOnly ? { 'aria-readonly': 'true' } : {}) }),
          ...(readOnly
            ? [EditorState.readOnly.of(true)]
            : [
                history(),
                typedOverSelection,
                keymap.of([
                  { key: 'Mod-Enter', run: () => (callbacks.current.onSubmit ? (callbacks.current.onSubmit(), true) : false) },
                  ...defaultKeymap,
                  ...historyKeymap,
                ]),
                ...(lint ? [linter(jsonParseLinter(), { delay: 300 })] : []),
                EditorView.updateListener.of((update) => {
                  if (update.docChanged) callbacks.current.onChange?.(update.state.doc.toString());
                }),
              ]),
        ],
      }),
      'cm-json',
    );
    view.current = editor;
    return () => {
      unmount();
      view.current = null;
    };
    // The editor is made once per label and mode; later values arrive through useEditorValue.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [label, readOnly, lint]);

  useEditorValue(view, value);

  return <div ref={host} className={['json-editor', className].filter(Boolean).join(' ')} data-testid={testId} />;
}
