import { EditorView } from '@codemirror/view';

/**
 * Text typed over a selection is put in by the editor rather than by the browser: Chromium,
 * replacing a selection across lines of a contenteditable, writes `style` attributes into it,
 * which the page's Content-Security-Policy (no inline styles) blocks and reports.
 */
export const typedOverSelection = EditorView.domEventHandlers({
  beforeinput(event, view) {
    const selection = view.state.selection.main;
    if (event.inputType !== 'insertText' || event.isComposing || event.data === null || selection.empty || view.state.readOnly) return false;
    event.preventDefault();
    view.dispatch(view.state.replaceSelection(event.data), { userEvent: 'input.type', scrollIntoView: true });
    return true;
  },
});
