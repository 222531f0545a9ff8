import { lazy, Suspense, type ComponentType, type ReactNode } from 'react';
import type { JsonEditorProps } from './JsonEditor.js';
import type { ExpressionEditorProps } from '../editor/expression/ExpressionEditor.js';

/**
 * The code editors, loaded with the first field that shows one. CodeMirror and its languages are
 * about a fifth of the designer's script, which every page load parses; the home, the canvas with
 * its flow settings, the console and the admin screens need none of it. Until it has loaded, a field
 * is its empty frame (same box, same test id).
 */
function loadedWith<P extends object>(load: () => Promise<ComponentType<P>>, frame: (props: P) => ReactNode): (props: P) => ReactNode {
  const Loaded = lazy(async () => ({ default: await load() }));
  return function CodeEditor(props: P) {
    return (
      <Suspense fallback={frame(props)}>
        <Loaded {...props} />
      </Suspense>
    );
  };
}

const loadJsonEditor = async () => (await import('./JsonEditor.js')).JsonEditor;
const loadExpressionEditor = async () => (await import('../editor/expression/ExpressionEditor.js')).ExpressionEditor;

/** Starts loading the editors without showing one, so that the fields a flow's nodes open are ready by then. */
export function preloadCodeEditors(): void {
  void loadJsonEditor().catch(() => undefined);
  void loadExpressionEditor().catch(() => undefined);
}

export const JsonEditor = loadedWith<JsonEditorProps>(loadJsonEditor, ({ className, testId }) => (
  <div className={['json-editor', className].filter(Boolean).join(' ')} data-testid={testId} aria-busy="true" />
));

export const ExpressionEditor = loadedWith<ExpressionEditorProps>(loadExpressionEditor, ({ label, mode = 'expression' }) => (
  <div className="field expression-field" aria-busy="true">
    <span className="field-label">{label}</span>
    <div className="expression-editor" data-mode={mode} />
  </div>
));
