import { Label, Text, TextArea, TextField } from 'react-aria-components';
import type { CreatedTestKey } from '../../../shared/dto/security.dto.js';
import { CopyKeyButton, KeyShownOnceDialog } from '../admin/KeyShownOnceDialog.js';
import { expiryText } from './key-expiry.js';

/** The one time a test key is shown: read-only, with a copy button; Try it keeps it masked afterwards. */
export function TestKeyShownOnce({ created, onClose }: { created: CreatedTestKey | null; onClose: () => void }) {
  return (
    <KeyShownOnceDialog
      title={`Test key for “${created?.record.user ?? ''}”`}
      created={created}
      onClose={onClose}
      notice={
        <>
          <strong>Copy it now to use it elsewhere: it is not shown again.</strong> Try it has it in its API key field, masked, for this page only.
        </>
      }
    >
      <TextField className="field" value={created?.key ?? ''} isReadOnly>
        <Label className="field-label">Test key (shown once)</Label>
        <div className="secret-box">
          <TextArea className="secret-box-text test-key-text" rows={6} spellCheck={false} data-testid="test-key" />
          <CopyKeyButton text={created?.key ?? ''} />
        </div>
        {created && (
          <Text slot="description" className="field-description">
            “{created.record.label}”, {expiryText(created.record.expiresAt)}.
          </Text>
        )}
      </TextField>
      {created && created.setUp.length > 0 && <p className="admin-muted">Set up so that it can call the endpoint: {created.setUp.join(', ')}.</p>}
    </KeyShownOnceDialog>
  );
}
