import { defaultKeymap, history, historyKeymap, isolateHistory } from '@codemirror/commands';
import { syntaxHighlighting } from '@codemirror/language';
import { linter, type Diagnostic } from '@codemirror/lint';
import { EditorState } from '@codemirror/state';
import { EditorView, keymap, placeholder as placeholderExtension } from '@codemirror/view';
import { classHighlighter } from '@lezer/highlight';
import { useEffect, useId, useRef } from 'react';
import { lineAndColumn, problemOf } from './expression-problems.js';
import { editorShadowRoot } from './editor-shadow-root.js';
import { jsonataLanguage, jsonataTemplateLanguage } from './jsonata-language.js';
import { typedOverSelection } from './typed-over-selection.js';

/** Longer than any visit to a field: CodeMirror's history joins what is typed within it into one step. */
const FIELD_VISIT_MS = 1_000_000_000;

export interface ExpressionEditorProps {
  label: string;
  value: string;
  onChange: (value: string) => void;
  /** `template`: text with `${expression}` parts. */
  mode?: 'expression' | 'template';
  description?: string | undefined;
  placeholder?: string | undefined;
  /** A problem from the flow's validation, shown when the text itself parses. */
  error?: string | undefined;
  onFocus?: () => void;
  onBlur?: () => void;
}

/**
 * A CodeMirror field for JSONata: highlighting (with CSS classes from the theme's style sheet, no
 * injected colours), and the parse error as you type, underlined and written under the field with
 * its line and column.
 */
export function ExpressionEditor({ label, value, onChange, mode = 'expression', description, placeholder, error, onFocus, onBlur }: ExpressionEditorProps) {
  const host = useRef<HTMLDivElement>(null);
  const view = useRef<EditorView | null>(null);
  const callbacks = useRef({ onChange, onFocus, onBlur });
  callbacks.current = { onChange, onFocus, onBlur };
  const id = useId();
  const labelId = `${id}-label`;
  const messageId = `${id}-message`;

  useEffect(() => {
    const lint = linter(
      (editor): Diagnostic[] => {
        const problem = problemOf(editor.state.doc.toString(), mode);
        return problem ? [{ from: problem.from, to: Math.min(problem.to, editor.state.doc.length), severity: 'error', message: problem.message }] : [];
      },
      { delay: 150 },
    );
    // Undo in the field takes back all that was typed since it took the focus, as the flow's undo does, not a burst at a time.
    let focusArrived = true;
    const oneStepPerVisit = [
      history({ newGroupDelay: FIELD_VISIT_MS, joinToEvent: () => true }),
      EditorView.domEventHandlers({ focus: () => void (focusArrived = true) }),
      EditorState.transactionExtender.of((transaction) => {
        if (!focusArrived || !transaction.docChanged) return null;
        focusArrived = false;
        return { annotations: isolateHistory.of('before') };
      }),
    ];
    const root = editorShadowRoot(host.current!);
    const mount = document.createElement('div');
    root.append(mount);
    const editor = new EditorView({
      parent: mount,
      root,
      state: EditorState.create({
        doc: value,
        extensions: [
          oneStepPerVisit,
          typedOverSelection,
          keymap.of([...defaultKeymap, ...historyKeymap]),
          mode === 'template' ? jsonataTemplateLanguage : jsonataLanguage,
          syntaxHighlighting(classHighlighter),
          lint,
          EditorView.lineWrapping,
          // ids do not reach into the shadow root, so the label is given as text.
          EditorView.contentAttributes.of({ 'aria-label': label, 'aria-multiline': 'true' }),
          ...(placeholder ? [placeholderExtension(placeholder)] : []),
          EditorView.updateListener.of((update) => {
            if (update.docChanged) callbacks.current.onChange(update.state.doc.toString());
            if (update.focusChanged) (update.view.hasFocus ? callbacks.current.onFocus : callbacks.current.onBlur)?.();
          }),
        ],
      }),
    });
    view.current = editor;
    return () => {
      editor.destroy();
      mount.remove();
      view.current = null;
    };
    // The editor is created once per mode; later values arrive through the effect below.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [mode]);

  // Undo, redo or another editor changed the value: show it without losing the cursor when it is the same text.
  useEffect(() => {
    const editor = view.current;
    if (editor && editor.state.doc.toString() !== value) {
      editor.dispatch({ changes: { from: 0, to: editor.state.doc.length, insert: value } });
    }
  }, [value]);

  const problem = problemOf(value, mode);
  const where = problem ? lineAndColumn(value, problem.from) : null;
  const message = problem ? `${problem.message} (line ${where!.line}, column ${where!.column})` : error;

  return (
    <div className={`field expression-field${message ? ' is-invalid' : ''}`}>
      <span className="field-label" id={labelId}>
        {label}
      </span>
      <div className="expression-editor" ref={host} data-mode={mode} />
      {message ? (
        <p className="field-error" id={messageId} role="alert">
          {message}
        </p>
      ) : (
        <p className="field-description" id={messageId}>
          {description}
        </p>
      )}
    </div>
  );
}
