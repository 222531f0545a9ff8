import type { ReactNode } from 'react';
import { Dialog as AriaDialog, Heading, Modal, ModalOverlay } from 'react-aria-components';

export interface DialogProps {
  title: string;
  isOpen: boolean;
  onOpenChange: (open: boolean) => void;
  children: ReactNode;
  /** The buttons at the foot, primary last. */
  actions: ReactNode;
  /** `alertdialog` for destructive confirmations. */
  role?: 'dialog' | 'alertdialog';
  isDismissable?: boolean;
  /** `lg` for dialogs that list many things (an import's preview). */
  size?: 'md' | 'lg';
}

/** A modal dialog: title, body, actions; Escape and the backdrop close it unless it is an alert. */
export function Dialog({ title, isOpen, onOpenChange, children, actions, role = 'dialog', isDismissable = true, size = 'md' }: DialogProps) {
  return (
    <ModalOverlay className="modal-overlay" isOpen={isOpen} onOpenChange={onOpenChange} isDismissable={isDismissable && role === 'dialog'}>
      <Modal className={`modal modal-${size}`}>
        <AriaDialog className="dialog" role={role}>
          <Heading slot="title" className="dialog-title">
            {title}
          </Heading>
          <div className="dialog-body">{children}</div>
          <div className="dialog-actions">{actions}</div>
        </AriaDialog>
      </Modal>
    </ModalOverlay>
  );
}
