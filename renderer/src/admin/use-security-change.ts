import { useCallback } from 'react';
import { errorMessage } from '../api/api-error.js';
import { useStudioStore } from '../state/studio-store.js';
import { notify } from '../ui/notifications.js';
import { usePendingAction } from '../ui/use-pending-action.js';
import { fieldProblems, NO_PROBLEMS } from './field-problems.js';

/**
 * A form's change to users, groups, roles or keys: sends it, re-reads the lists, says it is done;
 * a refusal is kept as per-field problems (see `fieldProblems`) and the form stays open.
 */
export function useSecurityForm(fields: readonly string[], locate?: (message: string) => string | undefined) {
  const loadSecurity = useStudioStore((state) => state.loadSecurity);
  const { run, busy, error: problems = NO_PROBLEMS, setError } = usePendingAction((error) => fieldProblems(error, fields, locate));
  const submit = async <T>(change: () => Promise<T>, done: (result: T) => void, success?: string) => {
    setError(undefined);
    await run(
      async () => {
        const result = await change();
        await loadSecurity();
        return result;
      },
      (result) => {
        if (success) notify({ tone: 'success', title: success });
        done(result);
      },
    );
  };
  const reset = useCallback(() => setError(undefined), [setError]);
  return { busy, problems, submit, reset };
}

/** A one-click change (enable, disable): sends it and re-reads the lists; a refusal is a notification. */
export function useSecurityAction() {
  const loadSecurity = useStudioStore((state) => state.loadSecurity);
  return useCallback(
    async (change: () => Promise<unknown>, success: string) => {
      try {
        await change();
        notify({ tone: 'success', title: success });
      } catch (error) {
        notify({ tone: 'error', title: 'The change was refused', description: errorMessage(error) });
      }
      await loadSecurity();
    },
    [loadSecurity],
  );
}
