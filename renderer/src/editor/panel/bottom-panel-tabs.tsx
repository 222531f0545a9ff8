import type { ComponentType } from 'react';
import { CONSOLE_TAB } from '../../console/console-tab.js';
import { TRY_IT_TAB } from '../../try-it/try-it-tab.js';
import { ProblemsTab, useProblemCount } from './ProblemsTab.js';

/** A tab of the panel at the bottom. */
export interface BottomPanelTab {
  id: string;
  title: string;
  /** A count shown beside the title (e.g. problems), or null. */
  useBadge: () => number | null;
  Content: ComponentType;
}

/** The tools that look at runs: under the canvas, and under every other view. */
export const RUN_PANEL_TABS: readonly BottomPanelTab[] = [TRY_IT_TAB, CONSOLE_TAB];

/** The tabs under the canvas, in order. */
export const BOTTOM_PANEL_TABS: readonly BottomPanelTab[] = [
  { id: 'problems', title: 'Problems', useBadge: useProblemCount, Content: ProblemsTab },
  ...RUN_PANEL_TABS,
];
