import { Check } from 'lucide-react';
import { Checkbox, CheckboxGroup, Label } from 'react-aria-components';
import { FieldNote } from '../ui/fields.js';

export interface NameChecklistProps {
  label: string;
  names: readonly string[];
  value: readonly string[];
  onChange: (value: string[]) => void;
  /** Shown instead of the list when there is nothing to choose. */
  empty: string;
  description?: string;
  error?: string | undefined;
}

/** Choose any of a list of names (a group's members, a role's privileges or groups); arrow keys and Space work as in any checkbox group. */
export function NameChecklist({ label, names, value, onChange, empty, description, error }: NameChecklistProps) {
  return (
    <CheckboxGroup className="field name-checklist" value={[...value]} onChange={onChange} isInvalid={Boolean(error)}>
      <Label className="field-label">{label}</Label>
      {names.length === 0 ? (
        <p className="field-description">{empty}</p>
      ) : (
        <div className="checklist">
          {names.map((name) => (
            <Checkbox key={name} value={name} className="checkbox">
              <span className="checkbox-box" aria-hidden="true">
                <Check size={12} strokeWidth={3} />
              </span>
              <span className="checkbox-label">{name}</span>
            </Checkbox>
          ))}
        </div>
      )}
      <FieldNote description={description} error={error} />
    </CheckboxGroup>
  );
}
