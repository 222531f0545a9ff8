import { AlertTriangle, Check, Copy } from 'lucide-react';
import type { CreatedApiKey } from '../../../shared/dto/security.dto.js';
import { Button } from '../ui/Button.js';
import { Dialog } from '../ui/Dialog.js';
import { useCopyText } from '../ui/use-copy-text.js';
import { KeyWarnings } from './KeyWarnings.js';

/** Shows a new API key, the one time it exists outside its client: with a copy button and a warning that it will not be shown again. */
export function NewKeyDialog({ created, onClose }: { created: CreatedApiKey | null; onClose: () => void }) {
  const { copied, copy } = useCopyText(created?.key ?? '', { title: 'Could not copy the key', description: 'Select it and copy it yourself.' });
  return (
    <Dialog
      title={`API key for “${created?.record.user ?? ''}”`}
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
          <strong>Copy it now: you will not see this key again.</strong> Only its record is kept; if it is lost, revoke it and generate another.
        </p>
      </div>
      <div className="secret-box">
        <code className="secret-box-text" data-testid="new-api-key">
          {created?.key}
        </code>
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
      <p className="admin-muted">
        Send it in the <code>Authorization</code> header, bare or as <code>Bearer &lt;key&gt;</code>.
      </p>
      <KeyWarnings warnings={created?.warnings} />
    </Dialog>
  );
}
