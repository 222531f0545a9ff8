import { useEffect, useState } from 'react';
import { useStudioStore } from '../state/studio-store.js';
import { TextInput, Toggle } from '../ui/fields.js';
import { FormDialog } from './FormDialog.js';
import { SecretValueInput } from './SecretValueInput.js';
import { useSecurityForm } from './use-security-change.js';

const ADD_FIELDS = ['name', 'enabled', 'value'] as const;
const VALUE_FIELDS = ['value'] as const;

/** Adds a secret key, with its value or without (to set later). */
export function AddSecretKeyDialog({ isOpen, onClose }: { isOpen: boolean; onClose: () => void }) {
  const client = useStudioStore((state) => state.client!);
  const [name, setName] = useState('');
  const [enabled, setEnabled] = useState(true);
  const [value, setValue] = useState('');
  const { busy, problems, submit, reset } = useSecurityForm(ADD_FIELDS);
  useEffect(() => {
    if (!isOpen) return;
    setName('');
    setEnabled(true);
    setValue('');
    reset();
  }, [isOpen, reset]);
  return (
    <FormDialog
      title="Add secret key"
      isOpen={isOpen}
      onClose={onClose}
      submitLabel="Add secret key"
      busy={busy}
      formError={problems.form}
      onSubmit={() => void submit(() => client.security.addSecretKey(name, enabled, value || undefined), onClose, `Added secret key “${name.trim()}”`)}
    >
      <TextInput
        label="Name"
        value={name}
        onChange={setName}
        error={problems.fields.name}
        autoFocus
        isRequired
        description="Flows refer to it as _datasource.Name."
      />
      <SecretValueInput
        label="Value"
        value={value}
        onChange={setValue}
        error={problems.fields.value}
        description="Write-only: it is never shown again. Leave it empty to set it later."
      />
      <Toggle label="Enabled" description="A disabled key fails the records that use it, naming the key." isSelected={enabled} onChange={setEnabled} />
    </FormDialog>
  );
}

/** Sets a secret key's value: typed into a masked field, sent once, never read back. */
export function SecretValueDialog({ keyName, onClose }: { keyName: string | null; onClose: () => void }) {
  const client = useStudioStore((state) => state.client!);
  const [value, setValue] = useState('');
  const { busy, problems, submit, reset } = useSecurityForm(VALUE_FIELDS);
  useEffect(() => {
    setValue('');
    reset();
  }, [keyName, reset]);
  return (
    <FormDialog
      title={`Set the value of “${keyName ?? ''}”`}
      isOpen={keyName !== null}
      onClose={onClose}
      submitLabel="Set value"
      busy={busy}
      formError={problems.form}
      onSubmit={() => keyName && void submit(() => client.security.setSecretValue(keyName, value), onClose, `Set the value of “${keyName}”`)}
    >
      <SecretValueInput
        label="New value"
        value={value}
        onChange={setValue}
        error={problems.fields.value}
        autoFocus
        isRequired
        description="Replaces the stored value. It is kept encrypted and never shown again, here or anywhere."
      />
    </FormDialog>
  );
}
