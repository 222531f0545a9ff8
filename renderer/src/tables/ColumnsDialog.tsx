import { Plus, X } from 'lucide-react';
import { useState } from 'react';
import { Input } from 'react-aria-components';
import { COLUMN_TYPES, type ColumnType } from '../../../shared/schemas/column-types.js';
import type { Column } from '../../../shared/schemas/table.schema.js';
import { nameProblem, normalizeName } from '../../../shared/names.js';
import { Button, IconButton } from '../ui/Button.js';
import { Dialog } from '../ui/Dialog.js';
import { CompactSelect } from '../ui/CompactSelect.js';
import { usePendingAction } from '../ui/use-pending-action.js';
import { refusalText } from './refusal-text.js';

const TYPE_CHOICES = COLUMN_TYPES.map((type) => ({ id: type }));

interface DraftColumn extends Column {
  /** The stored column this row edits (its values follow a new name); absent for a new column. */
  stored?: string;
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

/** Stored columns given another name: stored name to new name. */
function renamesOf(draft: readonly DraftColumn[]): Record<string, string> {
  return Object.fromEntries(
    draft
      .filter((column) => column.stored !== undefined && normalizeName(column.name) !== column.stored)
      .map((column) => [column.stored!, normalizeName(column.name)]),
  );
}

/**
 * Adds columns, renames them (their values follow), changes their types and removes them. A new
 * type must fit every stored value (the server refuses it otherwise, naming the rows); removing a
 * column drops its values.
 */
export function ColumnsDialog({
  columns,
  onClose,
  onSave,
}: {
  columns: readonly Column[];
  onClose: () => void;
  onSave: (columns: Column[], renamedColumns: Record<string, string>) => Promise<void>;
}) {
  const [draft, setDraft] = useState<DraftColumn[]>(() => columns.map((column) => ({ ...column, stored: column.name })));
  const { run, busy, error } = usePendingAction(refusalText);
  const problems = columnProblems(draft);
  const removed = columns.filter((column) => !draft.some((kept) => kept.stored === column.name)).map((column) => column.name);
  const renamed = renamesOf(draft);
  const renames = Object.entries(renamed);
  const update = (index: number, patch: Partial<DraftColumn>) => setDraft(draft.map((column, at) => (at === index ? { ...column, ...patch } : column)));

  const save = async () => {
    if (Object.keys(problems).length > 0) return;
    await run(
      () =>
        onSave(
          draft.map(({ name, type }) => ({ name: normalizeName(name), type })),
          renamed,
        ),
      onClose,
    );
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
            <Input
              className="input"
              aria-label={column.stored === undefined ? `Name of new column ${index + 1}` : `Name of column ${column.stored}`}
              aria-invalid={problems[index] ? true : undefined}
              value={column.name}
              onChange={(event) => update(index, { name: event.target.value })}
              autoFocus={column.stored === undefined && !column.name}
              placeholder="column name"
            />
            <CompactSelect
              label={`Type of column ${column.name || index + 1}`}
              value={column.type}
              options={TYPE_CHOICES}
              onChange={(type) => update(index, { type: type as ColumnType })}
            />
            <IconButton
              label={`Remove column ${column.name || index + 1}`}
              icon={<X size={14} />}
              onPress={() => setDraft(draft.filter((_, at) => at !== index))}
            />
            {problems[index] && column.name !== '' && <p className="field-error column-problem">{problems[index]}</p>}
          </li>
        ))}
      </ul>
      <Button size="sm" variant="ghost" className="columns-add" icon={<Plus size={14} />} onPress={() => setDraft([...draft, { name: '', type: 'string' }])}>
        Add column
      </Button>
      {renames.length > 0 && (
        <p className="field-description">
          Saving renames {renames.map(([from, to]) => `“${from}” to “${to}”`).join(', ')}; the values move with {renames.length > 1 ? 'them' : 'it'}, and Read
          Table orders and Save Table keys that name {renames.length > 1 ? 'them' : 'it'} follow. Expressions that mention {renames.length > 1 ? 'them' : 'it'}{' '}
          are not changed.
        </p>
      )}
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
