import { Plus, X } from 'lucide-react';
import { useState } from 'react';
import { Input } from 'react-aria-components';
import { COLUMN_TYPES, type ColumnType } from '../../../shared/schemas/column-types.js';
import type { Column } from '../../../shared/schemas/table.schema.js';
import { nameProblem, normalizeName } from '../../../shared/names.js';
import { Button, IconButton } from '../ui/Button.js';
import { Dialog } from '../ui/Dialog.js';
import { CompactSelect } from '../ui/CompactSelect.js';
import { refusalText } from './refusal-text.js';

const TYPE_CHOICES = COLUMN_TYPES.map((type) => ({ id: type }));

interface DraftColumn extends Column {
  /** The column exists already: its name is kept (a new name would be a new, empty column). */
  stored: boolean;
}

/** Why the columns cannot be saved as they are, by index, or none. */
function columnProblems(columns: readonly DraftColumn[]): Record<number, string> {
  const problems: Record<number, string> = {};
  const seen = new Set<string>();
  columns.forEach((column, index) => {
    const name = normalizeName(column.name);
    const problem = nameProblem(name);
    if (problem) problems[index] = `a name ${problem}`;
    else if (seen.has(name)) problems[index] = `"${name}" is used twice`;
    seen.add(name);
  });
  return problems;
}

/**
 * Adds columns, changes their types and removes them. A new type must fit every stored value (the
 * server refuses it otherwise, naming the rows); removing a column drops its values.
 */
export function ColumnsDialog({ columns, onClose, onSave }: { columns: readonly Column[]; onClose(): void; onSave(columns: Column[]): Promise<void> }) {
  const [draft, setDraft] = useState<DraftColumn[]>(() => columns.map((column) => ({ ...column, stored: true })));
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const problems = columnProblems(draft);
  const removed = columns.filter((column) => !draft.some((kept) => kept.stored && kept.name === column.name)).map((column) => column.name);
  const update = (index: number, patch: Partial<DraftColumn>) => setDraft(draft.map((column, at) => (at === index ? { ...column, ...patch } : column)));

  const save = async () => {
    if (Object.keys(problems).length > 0) return;
    setBusy(true);
    try {
      await onSave(draft.map(({ name, type }) => ({ name: normalizeName(name), type })));
      onClose();
    } catch (failure) {
      setError(refusalText(failure));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog
      title="Columns"
      isOpen
      onOpenChange={(open) => !open && onClose()}
      actions={
        <>
          <Button onPress={onClose}>Cancel</Button>
          <Button variant="primary" onPress={() => void save()} isDisabled={busy || Object.keys(problems).length > 0}>
            Save columns
          </Button>
        </>
      }
    >
      <div className="columns-head" aria-hidden="true">
        <span>Name</span>
        <span>Type</span>
      </div>
      <ul className="columns-editor" aria-label="Columns">
        {draft.map((column, index) => (
          <li key={index} className="column-row">
            {column.stored ? (
              <span className="column-name" title="A stored column keeps its name: add a new column for another name.">
                {column.name}
              </span>
            ) : (
              <Input
                className="input"
                aria-label={`Name of new column ${index + 1}`}
                aria-invalid={problems[index] ? true : undefined}
                value={column.name}
                onChange={(event) => update(index, { name: event.target.value })}
                autoFocus={!column.name}
                placeholder="column name"
              />
            )}
            <CompactSelect label={`Type of column ${column.name || index + 1}`} value={column.type} options={TYPE_CHOICES} onChange={(type) => update(index, { type: type as ColumnType })} />
            <IconButton label={`Remove column ${column.name || index + 1}`} icon={<X size={14} />} onPress={() => setDraft(draft.filter((_, at) => at !== index))} />
            {problems[index] && column.name !== '' && <p className="field-error column-problem">{problems[index]}</p>}
          </li>
        ))}
      </ul>
      <Button size="sm" variant="ghost" className="columns-add" icon={<Plus size={14} />} onPress={() => setDraft([...draft, { name: '', type: 'string', stored: false }])}>
        Add column
      </Button>
      {removed.length > 0 && (
        <p className="field-error">
          Saving removes {removed.map((name) => `“${name}”`).join(', ')} and drops {removed.length > 1 ? 'their' : 'its'} values from every row.
        </p>
      )}
      {error && (
        <p className="field-error dialog-error" role="alert">
          {error}
        </p>
      )}
    </Dialog>
  );
}
