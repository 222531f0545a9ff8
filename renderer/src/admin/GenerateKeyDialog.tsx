import { useEffect, useState } from 'react';
import type { CreatedApiKey } from '../../../shared/dto/security.dto.js';
import { useStudioStore } from '../state/studio-store.js';
import { Choice, TextInput } from '../ui/fields.js';
import { FormDialog } from './FormDialog.js';
import { useSecurityForm } from './use-security-change.js';

const KEY_FIELDS = ['user', 'label', 'expires'] as const;
const locateKeyProblem = (message: string) => (message.startsWith('user "') ? 'user' : /expir/.test(message) ? 'expires' : undefined);

export interface GenerateKeyDialogProps {
  isOpen: boolean;
  users: readonly string[];
  initialUser: string;
  onClose: () => void;
  /** Called with the new key, which is in this answer and nowhere else. */
  onCreated: (created: CreatedApiKey) => void;
}

/** Asks for the user, a label and an optional expiry, then generates the key. */
export function GenerateKeyDialog({ isOpen, users, initialUser, onClose, onCreated }: GenerateKeyDialogProps) {
  const client = useStudioStore((state) => state.client!);
  const [user, setUser] = useState(initialUser);
  const [label, setLabel] = useState('');
  const [expires, setExpires] = useState('');
  const { busy, problems, submit, reset } = useSecurityForm(KEY_FIELDS, locateKeyProblem);
  useEffect(() => {
    if (!isOpen) return;
    setUser(initialUser);
    setLabel('');
    setExpires('');
    reset();
  }, [isOpen, initialUser, reset]);

  return (
    <FormDialog
      title="Generate an API key"
      isOpen={isOpen}
      onClose={onClose}
      submitLabel="Generate key"
      busy={busy}
      formError={problems.form}
      onSubmit={() => void submit(() => client.security.createApiKey(user, label, expires.trim() || undefined), onCreated)}
    >
      <Choice label="User" value={user || null} options={users.map((name) => ({ id: name, label: name }))} onChange={setUser} error={problems.fields.user} />
      <TextInput
        label="Label"
        value={label}
        onChange={setLabel}
        error={problems.fields.label}
        autoFocus
        placeholder="e.g. CRM sync"
        description="What the key is for, shown in the list."
      />
      <TextInput
        label="Expires"
        value={expires}
        onChange={setExpires}
        error={problems.fields.expires}
        placeholder="never"
        description="A duration (90m, 12h, 30d, 8w, 1y) or a date (2027-01-31); empty: never."
      />
    </FormDialog>
  );
}
