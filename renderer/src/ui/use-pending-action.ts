import { useState } from 'react';

/**
 * Runs a form's action once at a time and keeps its last failure in the form `describe` gives it
 * (a message, problems by field): `{run, busy, error, setError}`. `run(action, onDone)` calls
 * `onDone` with the action's result; a throw from either becomes `error`.
 */
export function usePendingAction<Failure>(describe: (failure: unknown) => Failure) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<Failure | undefined>();
  const run = async <T>(action: () => Promise<T>, onDone?: (result: T) => void) => {
    setBusy(true);
    try {
      onDone?.(await action());
    } catch (failure) {
      setError(describe(failure));
    } finally {
      setBusy(false);
    }
  };
  return { run, busy, error, setError };
}
