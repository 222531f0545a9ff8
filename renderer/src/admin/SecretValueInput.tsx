import { Input, Label, TextField } from 'react-aria-components';
import { FieldNote } from '../ui/fields.js';

export interface SecretValueInputProps {
  label: string;
  value: string;
  onChange: (value: string) => void;
  description: string;
  error?: string | undefined;
  autoFocus?: boolean;
  isRequired?: boolean;
}

/** A password-style field for a secret value: masked, never filled from what is stored, not offered to the browser's password manager. */
export function SecretValueInput({ label, value, onChange, description, error, autoFocus, isRequired }: SecretValueInputProps) {
  return (
    <TextField
      className="field"
      type="password"
      value={value}
      onChange={onChange}
      isInvalid={Boolean(error)}
      autoFocus={autoFocus}
      isRequired={isRequired}
      autoComplete="new-password"
    >
      <Label className="field-label">{label}</Label>
      <Input className="input" spellCheck={false} data-1p-ignore />
      <FieldNote description={description} error={error} />
    </TextField>
  );
}
