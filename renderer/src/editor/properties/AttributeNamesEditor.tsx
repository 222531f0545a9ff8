import { X } from 'lucide-react';
import { useState } from 'react';
import { Input, Label, TextField } from 'react-aria-components';

export interface AttributeNamesEditorProps {
  label: string;
  description?: string | undefined;
  error?: string | undefined;
  value: string[];
  onChange: (value: string[]) => void;
}

/** A list of attribute names as removable chips; type a name and press Enter (or a comma) to add it. */
export function AttributeNamesEditor({ label, description, error, value, onChange }: AttributeNamesEditorProps) {
  const [draft, setDraft] = useState('');
  const add = () => {
    const names = draft
      .split(',')
      .map((name) => name.trim())
      .filter((name) => name && !value.includes(name));
    if (names.length) onChange([...value, ...names]);
    setDraft('');
  };
  return (
    <div className={`field chips-field${error ? ' is-invalid' : ''}`}>
      <TextField value={draft} onChange={setDraft} className="chips-input-field">
        <Label className="field-label">{label}</Label>
        <div className="chips input">
          {value.map((name) => (
            <span key={name} className="chip">
              {name}
              <button type="button" className="chip-remove" aria-label={`Remove ${name}`} onClick={() => onChange(value.filter((other) => other !== name))}>
                <X size={12} />
              </button>
            </span>
          ))}
          <Input
            className="chips-input"
            placeholder={value.length ? '' : 'Type a name, press Enter'}
            onKeyDown={(event) => {
              if (event.key === 'Enter' || event.key === ',') {
                event.preventDefault();
                add();
              } else if (event.key === 'Backspace' && draft === '' && value.length) onChange(value.slice(0, -1));
            }}
            onBlur={add}
          />
        </div>
      </TextField>
      {error ? <p className="field-error">{error}</p> : description && <p className="field-description">{description}</p>}
    </div>
  );
}
