import { useEffect, useState } from 'react';
import { Form } from 'react-aria-components';
import { nameProblem, normalizeName } from '../../../shared/names.js';
import { errorMessage } from '../api/api-error.js';
import { Button } from '../ui/Button.js';
import { Dialog } from '../ui/Dialog.js';
import { Choice, TextInput } from '../ui/fields.js';
import { usePendingAction } from '../ui/use-pending-action.js';

export interface NameDialogRequest {
  title: string;
  label: string;
  initial: string;
  submitLabel: string;
  /** When set, the dialog also asks which application. */
  applications?: readonly string[];
  application?: string;
  /** Offers "New application…" among the applications: the name typed for it is passed to `submit`. */
  allowNewApplication?: boolean;
  /** Does the work; a thrown error is shown in the dialog, which stays open. */
  submit: (name: string, application: string) => Promise<void>;
}

/** Asks for a name (to create, rename or duplicate), checks it as the server will, and shows the server's refusal. */
/** The choice that stands for an application to create (no application name holds a NUL). */
const NEW_APPLICATION = '\u0000new';

export function NameDialog({ request, onClose }: { request: NameDialogRequest | null; onClose: () => void }) {
  const [name, setName] = useState('');
  const [application, setApplication] = useState('');
  const [newApplication, setNewApplication] = useState('');
  const { run, busy, error, setError } = usePendingAction(errorMessage);
  useEffect(() => {
    setName(request?.initial ?? '');
    setApplication(request?.application ?? request?.applications?.[0] ?? (request?.allowNewApplication ? NEW_APPLICATION : ''));
    setNewApplication('');
    setError(undefined);
  }, [request, setError]);

  const submit = async () => {
    if (!request) return;
    const problem = nameProblem(normalizeName(name));
    if (problem) {
      setError(`The name ${problem}.`);
      return;
    }
    const creating = application === NEW_APPLICATION;
    const appProblem = creating ? nameProblem(normalizeName(newApplication)) : undefined;
    if (appProblem) {
      setError(`The application's name ${appProblem}.`);
      return;
    }
    await run(() => request.submit(normalizeName(name), creating ? normalizeName(newApplication) : application), onClose);
  };

  return (
    <Dialog
      title={request?.title ?? ''}
      isOpen={request !== null}
      onOpenChange={(open) => !open && onClose()}
      actions={
        <>
          <Button onPress={onClose}>Cancel</Button>
          <Button variant="primary" type="submit" form="name-dialog-form" isDisabled={busy}>
            {request?.submitLabel}
          </Button>
        </>
      }
    >
      <Form
        id="name-dialog-form"
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
        className="dialog-form"
      >
        {request?.applications && (
          <Choice
            label="Application"
            value={application}
            options={[
              ...request.applications.map((id) => ({ id, label: id })),
              ...(request.allowNewApplication ? [{ id: NEW_APPLICATION, label: 'New application…' }] : []),
            ]}
            onChange={setApplication}
          />
        )}
        {application === NEW_APPLICATION && (
          <TextInput
            label="New application name"
            value={newApplication}
            onChange={(next) => {
              setNewApplication(next);
              setError(undefined);
            }}
            isRequired
          />
        )}
        <TextInput
          label={request?.label ?? 'Name'}
          value={name}
          onChange={(next) => {
            setName(next);
            setError(undefined);
          }}
          error={error}
          autoFocus
          isRequired
        />
      </Form>
    </Dialog>
  );
}
