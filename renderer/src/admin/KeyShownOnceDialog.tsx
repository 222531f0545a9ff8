import { AlertTriangle, Check, Copy } from 'lucide-react';
import type { ReactNode } from 'react';
import { Button } from '../ui/Button.js';
import { Dialog } from '../ui/Dialog.js';
import { useCopyText } from '../ui/use-copy-text.js';

export interface KeyShownOnceDialogProps {
  title: string;
  /** The key just made and what the server warns about it (e.g. its user cannot call anything yet); null when closed. */
  created: { warnings: readonly string[] } | null;
  /** Why to copy it now, in a sentence or two. */
  notice: ReactNode;
  onClose: () => void;
  /** The key, with a `CopyKeyButton`. */
  children: ReactNode;
}

/** The one time a key is shown: closed only by Done, a warning to copy it now, and the server's warnings about it, each announced. */
export function KeyShownOnceDialog({ title, created, notice, onClose, children }: KeyShownOnceDialogProps) {
  return (
    <Dialog
      title={title}
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
        <p>{notice}</p>
      </div>
      {children}
      {created?.warnings.map((warning) => (
        <p key={warning} className="callout callout-warning" role="alert">
          <AlertTriangle size={16} aria-hidden="true" />
          <span>{warning}</span>
        </p>
      ))}
    </Dialog>
  );
}

/** Copies a key shown once; it has the focus, so Enter copies. */
export function CopyKeyButton({ text }: { text: string }) {
  const { copied, copy } = useCopyText(text, { title: 'Could not copy the key', description: 'Select it and copy it yourself.' });
  return (
    <Button variant={copied ? 'secondary' : 'primary'} size="sm" icon={copied ? <Check size={14} /> : <Copy size={14} />} onPress={() => void copy()} autoFocus>
      {copied ? 'Copied' : 'Copy key'}
    </Button>
  );
}
