import { Input, Label, TextField } from 'react-aria-components';
import type { Column } from '../../../shared/schemas/table.schema.js';
import { Choice, FieldNote } from '../ui/fields.js';
import { JsonEditor } from '../ui/code-editors.js';

const BOOLEAN_CHOICES = [
  { id: 'empty', label: '(empty)' },
  { id: 'true', label: 'true' },
  { id: 'false', label: 'false' },
] as const;

const HINTS: Record<Column['type'], string> = {
  string: 'Text. Empty is no value (null).',
  number: 'A number, e.g. 42 or -3.5. Empty is no value.',
  boolean: '',
  date: 'A date. Empty is no value.',
  datetime: 'ISO 8601 with a zone, e.g. 2026-03-02T10:30:00Z. Empty is no value.',
  json: 'Any JSON value. Empty is no value.',
};

/** The input for one column's value, by its type; the text is read with `readCell` when the row is saved. */
export function ColumnValueField({
  column,
  text,
  onChange,
  problem,
}: {
  column: Column;
  text: string;
  onChange: (text: string) => void;
  problem?: string | undefined;
}) {
  const label = `${column.name} (${column.type})`;
  if (column.type === 'boolean') {
    return (
      <Choice
        label={label}
        value={text === '' ? 'empty' : text}
        options={BOOLEAN_CHOICES}
        onChange={(choice) => onChange(choice === 'empty' ? '' : choice)}
        error={problem}
      />
    );
  }
  if (column.type === 'json') {
    return (
      <div className={`field${problem ? ' is-invalid' : ''}`}>
        <span className="field-label">{label}</span>
        <JsonEditor label={label} value={text} onChange={onChange} lint className="row-json-editor" />
        {problem ? <p className="field-error">{problem}</p> : <p className="field-description">{HINTS.json}</p>}
      </div>
    );
  }
  return (
    <TextField className="field" value={text} onChange={onChange} isInvalid={Boolean(problem)}>
      <Label className="field-label">{label}</Label>
      <Input
        className="input"
        type={column.type === 'date' ? 'date' : 'text'}
        inputMode={column.type === 'number' ? 'decimal' : undefined}
        placeholder={column.type === 'datetime' ? '2026-03-02T10:30:00Z' : undefined}
        spellCheck={column.type === 'string'}
      />
      <FieldNote description={HINTS[column.type]} error={problem} />
    </TextField>
  );
}
