import { useCallback, useRef, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { ImportSummary, OnConflict } from '../../../shared/dto/workspace.dto.js';
import type { Problem } from '../../../shared/problem.js';
import { ApiError, errorMessage } from '../api/api-error.js';
import { useStudioStore } from '../state/studio-store.js';

/** A file chosen for import: its name, and its JSON (or why it is not JSON). */
export type ChosenFile = { name: string; document: unknown } | { name: string; notJson: string };

/** Where an import stands: nothing chosen, checking, a preview of the changes, refused with problems, done. */
export type ImportState =
  | { step: 'choose' }
  | { step: 'checking' }
  | { step: 'preview'; summary: ImportSummary }
  | { step: 'refused'; message: string; problems: Problem[]; clash: boolean }
  | { step: 'importing' }
  | { step: 'done'; summary: ImportSummary };

/** Reads a chosen file's text as JSON; what is not JSON is refused here with the parser's message. */
export function chosenFile(name: string, text: string): ChosenFile {
  try {
    return { name, document: JSON.parse(text) as unknown };
  } catch (error) {
    return { name, notJson: errorMessage(error) };
  }
}

/**
 * The import dialog's work: every choice of file or conflict rule asks the server what would change
 * (a dry run); importing sends the same file with the same rule, then re-reads the workspace.
 */
export function useImport() {
  const { client, loadWorkspace, loadSecurity } = useStudioStore(
    useShallow((state) => ({ client: state.client, loadWorkspace: state.loadWorkspace, loadSecurity: state.loadSecurity })),
  );
  const [file, setFile] = useState<ChosenFile | null>(null);
  const [onConflict, setOnConflict] = useState<OnConflict>('fail');
  const [state, setState] = useState<ImportState>({ step: 'choose' });
  // Only the latest check may set the state: a slower, older answer is dropped.
  const latest = useRef(0);

  const send = useCallback(
    async (chosen: ChosenFile, rule: OnConflict, dryRun: boolean) => {
      if (!client) return;
      const attempt = ++latest.current;
      if ('notJson' in chosen) {
        setState({
          step: 'refused',
          message: 'The file is not JSON; nothing was changed.',
          problems: [{ path: '$', message: `not valid JSON: ${chosen.notJson}` }],
          clash: false,
        });
        return;
      }
      setState({ step: dryRun ? 'checking' : 'importing' });
      try {
        const summary = await client.transfer.importWorkspace(chosen.document, rule, dryRun);
        if (attempt !== latest.current) return;
        setState(dryRun ? { step: 'preview', summary } : { step: 'done', summary });
        if (!dryRun) await Promise.all([loadWorkspace(), loadSecurity()]);
      } catch (error) {
        if (attempt !== latest.current) return;
        const problems = error instanceof ApiError ? error.problems : [];
        const message = error instanceof ApiError && problems.length ? capitalize(error.message) : `The import failed: ${errorMessage(error)}`;
        setState({ step: 'refused', message, problems, clash: error instanceof ApiError && error.status === 409 });
      }
    },
    [client, loadWorkspace, loadSecurity],
  );

  return {
    file,
    onConflict,
    state,
    choose: (chosen: ChosenFile) => {
      setFile(chosen);
      void send(chosen, onConflict, true);
    },
    changeRule: (rule: OnConflict) => {
      setOnConflict(rule);
      if (file) void send(file, rule, true);
    },
    confirm: () => file && void send(file, onConflict, false),
    reset: () => {
      latest.current++;
      setFile(null);
      setOnConflict('fail');
      setState({ step: 'choose' });
    },
  };
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
