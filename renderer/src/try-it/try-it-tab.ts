import type { BottomPanelTab } from '../editor/panel/bottom-panel-tabs.js';
import { TryItPanel } from './TryItPanel.js';

/** Try it, as a tab of the panel at the bottom. */
export const TRY_IT_TAB: BottomPanelTab = { id: 'try-it', title: 'Try it', useBadge: () => null, Content: TryItPanel };
