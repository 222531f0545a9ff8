import { Button } from '../ui/Button.js';
import { Dialog } from '../ui/Dialog.js';
import { useFlowEditor } from './flow-store-context.js';

/** Explains a save refused because the flow changed elsewhere; the user reloads or keeps editing, nothing is overwritten. */
export function ConflictDialog({ onReload }: { onReload: () => void }) {
  const { conflict, baseRevision, setConflict } = useFlowEditor((state) => ({
    conflict: state.conflict,
    baseRevision: state.baseRevision,
    setConflict: state.setConflict,
  }));
  return (
    <Dialog
      title="This flow was changed elsewhere"
      isOpen={conflict !== null}
      onOpenChange={(open) => !open && setConflict(null)}
      role="alertdialog"
      actions={
        <>
          <Button onPress={() => setConflict(null)}>Keep editing</Button>
          <Button variant="danger" onPress={onReload}>
            Reload and discard my edits
          </Button>
        </>
      }
    >
      <p>
        Someone saved this flow in another window or with the command line (it is now at revision {conflict?.currentRevision}; your edits are based on revision{' '}
        {baseRevision}). Your save was refused so that neither change is lost silently.
      </p>
      <p>
        <strong>Reload</strong> to see the saved version (your edits are discarded), or <strong>keep editing</strong>: your edits stay here and in this browser,
        and you can copy what you need before reloading.
      </p>
    </Dialog>
  );
}
