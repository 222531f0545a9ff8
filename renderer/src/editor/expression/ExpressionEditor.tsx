import { defaultKeymap, history, historyKeymap, isolateHistory } from '@codemirror/commands';
import { syntaxHighlighting } from '@codemirror/language';
import { linter, type Diagnostic } from '@codemirror/lint';
import { EditorState, Prec } from '@codemirror/state';
import { EditorView, keymap, placeholder as placeholderExtension } from '@codemirror/view';
import { classHighlighter } from '@lezer/highlight';
import { useEffect, useId, useRef, useState } from 'react';
import { completionsAt, type CompletionOption } from './expression-completions.js';
import { lineAndColumn, problemOf } from './expression-problems.js';
import { mountShadowEditor } from './editor-shadow-root.js';
import { jsonataLanguage, jsonataTemplateLanguage } from './jsonata-language.js';
import { typedOverSelection } from './typed-over-selection.js';
import { useEditorValue } from './use-editor-value.js';

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
  /** The attribute names that can reach the node, offered as you type (with the `$` functions). */
  attributes?: readonly string[];
}

/** The suggestions open under the field: what they replace and which one Enter takes. */
interface OpenCompletions {
  from: number;
  to: number;
  options: CompletionOption[];
  active: number;
}

/**
 * A CodeMirror field for JSONata: highlighting (with CSS classes from the theme's style sheet, no
 * injected colours), and the parse error as you type, underlined and written under the field with
 * its line and column.
 */
export function ExpressionEditor({
  label,
  value,
  onChange,
  mode = 'expression',
  description,
  placeholder,
  error,
  onFocus,
  onBlur,
  attributes = [],
}: ExpressionEditorProps) {
  const host = useRef<HTMLDivElement>(null);
  const view = useRef<EditorView | null>(null);
  const callbacks = useRef({ onChange, onFocus, onBlur });
  callbacks.current = { onChange, onFocus, onBlur };
  const known = useRef(attributes);
  known.current = attributes;
  const [suggestions, setSuggestions] = useState<OpenCompletions | null>(null);
  const open = useRef<OpenCompletions | null>(null);
  open.current = suggestions;
  const listId = `${useId()}-completions`;
  const acceptRef = useRef<(option: CompletionOption) => void>(() => undefined);
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
    const accept = (editor: EditorView, option: CompletionOption, from: number, to: number) => {
      editor.dispatch({ changes: { from, to, insert: option.insert }, selection: { anchor: from + option.insert.length } });
      setSuggestions(null);
    };
    const onOpen = (run: (current: OpenCompletions, editor: EditorView) => void) => (editor: EditorView) => {
      const current = open.current;
      if (!current) return false;
      run(current, editor);
      return true;
    };
    const completionKeys = Prec.highest(
      keymap.of([
        { key: 'ArrowDown', run: onOpen((current) => setSuggestions({ ...current, active: (current.active + 1) % current.options.length })) },
        {
          key: 'ArrowUp',
          run: onOpen((current) => setSuggestions({ ...current, active: (current.active - 1 + current.options.length) % current.options.length })),
        },
        { key: 'Enter', run: onOpen((current, editor) => accept(editor, current.options[current.active]!, current.from, current.to)) },
        { key: 'Tab', run: onOpen((current, editor) => accept(editor, current.options[current.active]!, current.from, current.to)) },
        { key: 'Escape', run: onOpen(() => setSuggestions(null)) },
      ]),
    );
    const suggest = EditorView.updateListener.of((update) => {
      if (!update.docChanged && !update.selectionSet && !update.focusChanged) return;
      const cursor = update.state.selection.main.head;
      const found = update.view.hasFocus && update.docChanged ? completionsAt(update.state.doc.toString(), cursor, known.current) : null;
      if (found) setSuggestions({ from: found.from, to: cursor, options: found.options, active: 0 });
      else if (update.docChanged || update.selectionSet || !update.view.hasFocus) setSuggestions(null);
    });
    acceptRef.current = (option) => {
      const current = open.current;
      if (current && view.current) accept(view.current, option, current.from, current.to);
    };
    const { editor, unmount } = mountShadowEditor(
      host.current!,
      EditorState.create({
        doc: value,
        extensions: [
          completionKeys,
          suggest,
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
    );
    view.current = editor;
    return () => {
      unmount();
      view.current = null;
    };
    // The editor is created once per mode; later values arrive through useEditorValue.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [mode]);

  useEditorValue(view, value);

  const problem = problemOf(value, mode);
  const where = problem ? lineAndColumn(value, problem.from) : null;
  const message = problem ? `${problem.message} (line ${where!.line}, column ${where!.column})` : error;

  return (
    <div className={`field expression-field${message ? ' is-invalid' : ''}`}>
      <span className="field-label" id={labelId}>
        {label}
      </span>
      <div className="expression-editor" ref={host} data-mode={mode} />
      {suggestions && (
        <ul className="expression-completions" id={listId} role="listbox" aria-label={`Completions for ${label}`}>
          {suggestions.options.map((option, index) => (
            <li
              key={option.label}
              role="option"
              aria-selected={index === suggestions.active}
              className={index === suggestions.active ? 'is-active' : undefined}
              // Keeps the focus in the editor, so the field does not close the list before the click lands.
              onMouseDown={(event) => {
                event.preventDefault();
                acceptRef.current(option);
              }}
            >
              <span className="completion-label">{option.label}</span>
              <span className="completion-detail">{option.detail}</span>
            </li>
          ))}
        </ul>
      )}
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
