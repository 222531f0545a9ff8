import type { ComponentType } from 'react';
import { ProblemsTab, useProblemCount } from './ProblemsTab.js';

/** A tab of the panel under the canvas. */
export interface BottomPanelTab {
  id: string;
  title: string;
  /** A count shown beside the title (e.g. problems), or null. */
  useBadge(): number | null;
  Content: ComponentType;
}

/** The tabs under the canvas, in order. Tools that look at runs (Try it, the System Console) join this list. */
export const BOTTOM_PANEL_TABS: readonly BottomPanelTab[] = [{ id: 'problems', title: 'Problems', useBadge: useProblemCount, Content: ProblemsTab }];
