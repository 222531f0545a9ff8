import type { ReactNode } from 'react';
import { errorMessage } from '../api/api-error.js';
import { Button } from '../ui/Button.js';
import { Dialog } from '../ui/Dialog.js';
import { usePendingAction } from '../ui/use-pending-action.js';

export interface ConfirmRequest {
  title: string;
  /** What will happen, in a sentence or two. */
  body: ReactNode;
  confirmLabel: string;
  run: () => Promise<void>;
}

/** Asks before something that cannot be undone (delete, revoke); Cancel has the focus, so Enter alone changes nothing. */
export function ConfirmDialog({ request, onClose }: { request: ConfirmRequest | null; onClose: () => void }) {
  const { run, busy, error, setError } = usePendingAction(errorMessage);
  const close = () => {
    setError(undefined);
    onClose();
  };
  return (
    <Dialog
      title={request?.title ?? ''}
      role="alertdialog"
      isOpen={request !== null}
      onOpenChange={(open) => !open && close()}
      actions={
        <>
          <Button onPress={close} autoFocus>
            Cancel
          </Button>
          <Button variant="danger" isDisabled={busy} onPress={() => request && void run(request.run, close)}>
            {request?.confirmLabel}
          </Button>
        </>
      }
    >
      {request?.body}
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
    </Dialog>
  );
}
