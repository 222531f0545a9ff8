import { AlertTriangle, Check, Copy } from 'lucide-react';
import { Label, Text, TextArea, TextField } from 'react-aria-components';
import type { CreatedTestKey } from '../../../shared/dto/security.dto.js';
import { KeyWarnings } from '../admin/KeyWarnings.js';
import { Button } from '../ui/Button.js';
import { Dialog } from '../ui/Dialog.js';
import { useCopyText } from '../ui/use-copy-text.js';
import { expiryText } from './key-expiry.js';

/** The one time a test key is shown: read-only, with a copy button; Try it keeps it masked afterwards. */
export function TestKeyShownOnce({ created, onClose }: { created: CreatedTestKey | null; onClose: () => void }) {
  const { copied, copy } = useCopyText(created?.key ?? '', { title: 'Could not copy the key', description: 'Select it and copy it yourself.' });
  return (
    <Dialog
      title={`Test key for “${created?.record.user ?? ''}”`}
      isOpen={created !== null}
      onOpenChange={(open) => !open && onClose()}
      isDismissable={false}
      actions={
        <Button variant="primary" onPress={onClose}>
          Done
        </Button>
      }
    >
      <div className="callout callout-warning" role="note">
        <AlertTriangle size={16} aria-hidden="true" />
        <p>
          <strong>Copy it now to use it elsewhere: it is not shown again.</strong> Try it has it in its API key field, masked, for this page only.
        </p>
      </div>
      <TextField className="field" value={created?.key ?? ''} isReadOnly>
        <Label className="field-label">Test key (shown once)</Label>
        <div className="secret-box">
          <TextArea className="secret-box-text test-key-text" rows={6} spellCheck={false} data-testid="test-key" />
          <Button
            variant={copied ? 'secondary' : 'primary'}
            size="sm"
            icon={copied ? <Check size={14} /> : <Copy size={14} />}
            onPress={() => void copy()}
            autoFocus
          >
            {copied ? 'Copied' : 'Copy key'}
          </Button>
        </div>
        {created && (
          <Text slot="description" className="field-description">
            “{created.record.label}”, {expiryText(created.record.expiresAt)}.
          </Text>
        )}
      </TextField>
      {created && created.setUp.length > 0 && <p className="admin-muted">Set up so that it can call the endpoint: {created.setUp.join(', ')}.</p>}
      <KeyWarnings warnings={created?.warnings} />
    </Dialog>
  );
}
