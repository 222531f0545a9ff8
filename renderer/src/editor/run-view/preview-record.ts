import { createContext, useContext } from 'react';

/** The record expression fields preview against: the first record the selected node took in the shown run (undefined: none). */
export const PreviewRecordContext = createContext<{ record: unknown } | undefined>(undefined);

export const usePreviewRecord = (): { record: unknown } | undefined => useContext(PreviewRecordContext);
