import { useId, type ReactNode } from 'react';
import { Form } from 'react-aria-components';
import { Button } from '../ui/Button.js';
import { Dialog } from '../ui/Dialog.js';

export interface FormDialogProps {
  title: string;
  isOpen: boolean;
  onClose: () => void;
  submitLabel: string;
  busy: boolean;
  /** A problem that belongs to no one field. */
  formError?: string | undefined;
  onSubmit: () => void;
  children: ReactNode;
}

/** A dialog holding a form: Enter submits it, Escape and Cancel close it, a refusal stays on screen. */
export function FormDialog({ title, isOpen, onClose, submitLabel, busy, formError, onSubmit, children }: FormDialogProps) {
  const formId = useId();
  return (
    <Dialog
      title={title}
      isOpen={isOpen}
      onOpenChange={(open) => !open && onClose()}
      actions={
        <>
          <Button onPress={onClose}>Cancel</Button>
          <Button variant="primary" type="submit" form={formId} isDisabled={busy}>
            {submitLabel}
          </Button>
        </>
      }
    >
      <Form
        id={formId}
        className="dialog-form"
        validationBehavior="aria"
        onSubmit={(event) => {
          event.preventDefault();
          onSubmit();
        }}
      >
        {children}
        {formError && (
          <p className="field-error" role="alert">
            {formError}
          </p>
        )}
      </Form>
    </Dialog>
  );
}
