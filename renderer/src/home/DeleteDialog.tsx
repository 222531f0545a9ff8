import { useEffect, useState } from 'react';
import type { Reference } from '../../../shared/dto/workspace.dto.js';
import { errorMessage } from '../api/api-error.js';
import { Button } from '../ui/Button.js';
import { Dialog } from '../ui/Dialog.js';
import { usePendingAction } from '../ui/use-pending-action.js';

export interface DeleteRequest {
  /** e.g. `actionflow “Company Lookup”` */
  what: string;
  /** What refers to the item (from the admin API's references route). */
  references: () => Promise<Reference[]>;
  /** Deletes; `confirmed` is true when references were shown and accepted. */
  remove: (confirmed: boolean) => Promise<void>;
}

/** Confirms a delete, listing first everything that still refers to the item. */
export function DeleteDialog({ request, onClose }: { request: DeleteRequest | null; onClose: () => void }) {
  const [references, setReferences] = useState<Reference[] | null>(null);
  const { run, busy, error, setError } = usePendingAction(errorMessage);

  useEffect(() => {
    setReferences(null);
    setError(undefined);
    if (!request) return;
    request.references().then(setReferences, (failure) => setError(errorMessage(failure)));
  }, [request, setError]);

  const remove = () => request && run(() => request.remove((references?.length ?? 0) > 0), onClose);

  return (
    <Dialog
      title={`Delete ${request?.what ?? ''}?`}
      role="alertdialog"
      isOpen={request !== null}
      onOpenChange={(open) => !open && onClose()}
      actions={
        <>
          <Button onPress={onClose} autoFocus>
            Cancel
          </Button>
          <Button variant="danger" onPress={() => void remove()} isDisabled={busy || references === null}>
            {references?.length ? 'Delete anyway' : 'Delete'}
          </Button>
        </>
      }
    >
      {references === null && !error && <p>Looking for what refers to it…</p>}
      {references?.length === 0 && <p>Nothing refers to it. This cannot be undone.</p>}
      {references && references.length > 0 && (
        <>
          <p>These still refer to it and will stop working:</p>
          <ul className="reference-list" data-testid="references">
            {references.map((reference) => (
              <li key={reference.description}>{reference.description}</li>
            ))}
          </ul>
        </>
      )}
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
    </Dialog>
  );
}
