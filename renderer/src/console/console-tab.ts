import type { BottomPanelTab } from '../editor/panel/bottom-panel-tabs.js';
import { useStudioStore } from '../state/studio-store.js';
import { ConsolePanel } from './ConsolePanel.js';

/** Entries with errors that arrived while the console was out of view. */
const useUnseenErrors = () => useStudioStore((state) => state.consoleUnseen) || null;

/** The System Console, as a tab of the panel at the bottom. */
export const CONSOLE_TAB: BottomPanelTab = { id: 'console', title: 'System Console', useBadge: useUnseenErrors, Content: ConsolePanel };
