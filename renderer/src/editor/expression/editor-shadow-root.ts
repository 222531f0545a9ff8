import type { EditorState } from '@codemirror/state';
import { EditorView } from '@codemirror/view';
import editorCss from '../../styles/code-editor.css?inline';

let sheet: CSSStyleSheet | undefined;

/**
 * A shadow root for a CodeMirror editor, carrying the editor's own style sheet.
 *
 * CodeMirror mounts its base styles with a `<style>` element in a document, which the designer's
 * CSP (`style-src 'self'`) refuses; in a shadow root it uses a constructed style sheet
 * (`adoptedStyleSheets`) instead, which the CSP allows. Theme colours reach inside through
 * inherited CSS variables.
 */
function editorShadowRoot(host: HTMLElement): ShadowRoot {
  const root = host.shadowRoot ?? host.attachShadow({ mode: 'open' });
  if (!sheet) {
    sheet = new CSSStyleSheet();
    sheet.replaceSync(editorCss);
  }
  if (!root.adoptedStyleSheets.includes(sheet)) root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
  return root;
}

/** Mounts a CodeMirror editor in `host`'s shadow root; `unmount` destroys it and removes its node. */
export function mountShadowEditor(host: HTMLElement, state: EditorState, className?: string): { editor: EditorView; unmount: () => void } {
  const root = editorShadowRoot(host);
  const mount = document.createElement('div');
  if (className) mount.className = className;
  root.append(mount);
  const editor = new EditorView({ parent: mount, root, state });
  return {
    editor,
    unmount: () => {
      editor.destroy();
      mount.remove();
    },
  };
}
