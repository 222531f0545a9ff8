import type { StateCreator } from 'zustand';

const HEIGHT_KEY = 'actionflow-studio:panel-height';
/** The panel's height bounds in px; the view keeps it below the window's height too. */
export const PANEL_MIN_HEIGHT = 140;
export const PANEL_MAX_HEIGHT = 1600;
const DEFAULT_HEIGHT = 320;

export interface PanelSlice {
  /** Whether the panel at the bottom (Problems, Try it, System Console) is open. */
  panelOpen: boolean;
  /** The tab it shows (a view without that tab shows its first). */
  panelTab: string;
  panelHeight: number;
  /** Opens the panel on `tab`. */
  showPanelTab: (tab: string) => void;
  setPanelOpen: (open: boolean) => void;
  setPanelHeight: (height: number) => void;
}

/** A height within the bounds. */
export const clampPanelHeight = (height: number): number => Math.round(Math.min(PANEL_MAX_HEIGHT, Math.max(PANEL_MIN_HEIGHT, height)));

function storedHeight(): number {
  const stored = Number(window.localStorage.getItem(HEIGHT_KEY));
  return Number.isFinite(stored) && stored > 0 ? clampPanelHeight(stored) : DEFAULT_HEIGHT;
}

/** The panel at the bottom of the designer: open or not, which tab, how tall (this browser remembers the height). */
export const createPanelSlice: StateCreator<PanelSlice, [], [], PanelSlice> = (set) => ({
  panelOpen: false,
  panelTab: 'problems',
  panelHeight: storedHeight(),
  showPanelTab: (tab) => set({ panelOpen: true, panelTab: tab }),
  setPanelOpen: (open) => set({ panelOpen: open }),
  setPanelHeight: (height) => {
    const next = clampPanelHeight(height);
    window.localStorage.setItem(HEIGHT_KEY, String(next));
    set({ panelHeight: next });
  },
});
