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
export function editorShadowRoot(host: HTMLElement): ShadowRoot {
  const root = host.shadowRoot ?? host.attachShadow({ mode: 'open' });
  if (!sheet) {
    sheet = new CSSStyleSheet();
    sheet.replaceSync(editorCss);
  }
  if (!root.adoptedStyleSheets.includes(sheet)) root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
  return root;
}
