import type { CreatedApiKey } from '../../../shared/dto/security.dto.js';
import { CopyKeyButton, KeyShownOnceDialog } from './KeyShownOnceDialog.js';

/** Shows a new API key, the one time it exists outside its client: with a copy button and a warning that it will not be shown again. */
export function NewKeyDialog({ created, onClose }: { created: CreatedApiKey | null; onClose: () => void }) {
  return (
    <KeyShownOnceDialog
      title={`API key for “${created?.record.user ?? ''}”`}
      created={created}
      onClose={onClose}
      notice={
        <>
          <strong>Copy it now: you will not see this key again.</strong> Only its record is kept; if it is lost, revoke it and generate another.
        </>
      }
    >
      <div className="secret-box">
        <code className="secret-box-text" data-testid="new-api-key">
          {created?.key}
        </code>
        <CopyKeyButton text={created?.key ?? ''} />
      </div>
      <p className="admin-muted">
        Send it in the <code>Authorization</code> header, bare or as <code>Bearer &lt;key&gt;</code>.
      </p>
    </KeyShownOnceDialog>
  );
}
