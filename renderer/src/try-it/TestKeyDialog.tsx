import { useEffect, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { TEST_KEYS, type CreatedTestKey } from '../../../shared/dto/security.dto.js';
import { FormDialog } from '../admin/FormDialog.js';
import { errorMessage } from '../api/api-error.js';
import { useStudioStore } from '../state/studio-store.js';
import { Choice } from '../ui/fields.js';
import { usePendingAction } from '../ui/use-pending-action.js';
import type { EndpointRef } from './try-it-request.js';

/** The tester's entry in the list: names hold no control characters, so no user can be called this. */
const TESTER_CHOICE = '\u0000tester';

export interface TestKeyDialogProps {
  target: EndpointRef;
  isOpen: boolean;
  onClose: () => void;
  /** Called with the new key, which is in this answer and nowhere else. */
  onCreated: (created: CreatedTestKey) => void;
}

/** Makes a key that can call `target`: for the tester (set up for its application when needed) or for a user who may call it. */
export function TestKeyDialog({ target, isOpen, onClose, onCreated }: TestKeyDialogProps) {
  const { client, users, loadSecurity } = useStudioStore(
    useShallow((state) => ({ client: state.client, users: state.security?.users, loadSecurity: state.loadSecurity })),
  );
  const [user, setUser] = useState(TESTER_CHOICE);
  const { run, busy, error, setError } = usePendingAction(errorMessage);
  useEffect(() => {
    if (!isOpen) return;
    setUser(TESTER_CHOICE);
    setError(undefined);
    void loadSecurity();
  }, [isOpen, loadSecurity, setError]);

  const options = [
    { id: TESTER_CHOICE, label: `${TEST_KEYS.user} (set up for “${target.application}” when needed)` },
    ...(users ?? []).filter((candidate) => candidate.enabled && candidate.name !== TEST_KEYS.user).map(({ name }) => ({ id: name, label: name })),
  ];
  const create = async () => {
    const created = await client!.security.createTestKey(target.application, target.actionflow, user === TESTER_CHOICE ? undefined : user);
    void loadSecurity();
    return created;
  };
  // The form closes before the key is shown, so that one dialog is open at a time.
  const done = (created: CreatedTestKey) => {
    onClose();
    onCreated(created);
  };

  return (
    <FormDialog
      title="Create a test key"
      isOpen={isOpen}
      onClose={onClose}
      submitLabel="Create key"
      busy={busy}
      formError={error}
      onSubmit={() => void run(create, done)}
    >
      <p>
        An API key to call “{target.actionflow}” from Try it, labelled “Try it: {target.application}/{target.actionflow}”. It expires in {TEST_KEYS.expiryDays}{' '}
        days and is shown once; revoke it in Admin › API keys.
      </p>
      <Choice
        label="For user"
        value={user}
        options={options}
        onChange={setUser}
        description={`The tester is a user in the group ${TEST_KEYS.group}, with a role that grants Use API Key on “${target.application}”. Another user must already hold that right.`}
      />
    </FormDialog>
  );
}
