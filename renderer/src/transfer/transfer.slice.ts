import type { StateCreator } from 'zustand';

export interface TransferSlice {
  /** Whether the import dialog is open (from the admin screens, the home or the desktop menu). */
  importOpen: boolean;
  setImportOpen: (open: boolean) => void;
}

/** Import is one dialog over any view, so that the desktop menu can open it from anywhere. */
export const createTransferSlice: StateCreator<TransferSlice, [], [], TransferSlice> = (set) => ({
  importOpen: false,
  setImportOpen: (open) => set({ importOpen: open }),
});
