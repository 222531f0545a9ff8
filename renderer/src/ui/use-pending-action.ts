import { useState } from 'react';
import { errorMessage } from '../api/api-error.js';

/** Runs a dialog's action once at a time, keeping its failure to show, in the words of `describe`: `{run, busy, error, setError}`. */
export function usePendingAction(describe: (failure: unknown) => string = errorMessage) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | undefined>();
  const run = async (action: () => Promise<void>, onDone: () => void) => {
    setBusy(true);
    try {
      await action();
      onDone();
    } catch (failure) {
      setError(describe(failure));
    } finally {
      setBusy(false);
    }
  };
  return { run, busy, error, setError };
}
