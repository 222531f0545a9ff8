import { useId, useState } from 'react';
import type { Column, Row } from '../../../shared/schemas/table.schema.js';
import { ApiError, errorMessage } from '../api/api-error.js';
import { Button } from '../ui/Button.js';
import { Dialog } from '../ui/Dialog.js';
import { usePendingAction } from '../ui/use-pending-action.js';
import { cellText, readCell } from './cell-values.js';
import { problemsByColumn } from './column-problems.js';
import { ColumnValueField } from './ColumnValueField.js';

/** A refusal by column: the server's problems on their fields, anything else under `''`. */
const rowRefusal = (error: unknown): Record<string, string> =>
  error instanceof ApiError && error.problems.length > 0 ? problemsByColumn(error.problems) : { '': errorMessage(error) };

export interface RowDialogProps {
  columns: readonly Column[];
  /** The row to edit, or null to add one. */
  row: { id: number; values: Row } | null;
  onClose: () => void;
  /** Stores the values; a refusal (ApiError with problems) is shown on the fields. */
  onSave: (values: Row) => Promise<void>;
}

/** Adds or edits a row: one typed input per column, each checked as the server will check it, and the server's own problems on their fields. */
export function RowDialog({ columns, row, onClose, onSave }: RowDialogProps) {
  const [texts, setTexts] = useState<Record<string, string>>(() =>
    Object.fromEntries(columns.map((column) => [column.name, cellText(column.type, row?.values[column.name])])),
  );
  const { run, busy, error: problems = {}, setError: setProblems } = usePendingAction(rowRefusal);
  // The dialog's button submits the form, so Enter in a field adds the row too.
  const formId = useId();

  const save = async () => {
    const values: Row = {};
    const found: Record<string, string> = {};
    for (const column of columns) {
      const reading = readCell(column.type, texts[column.name] ?? '');
      if (reading.ok) values[column.name] = reading.value;
      else found[column.name] = reading.problem;
    }
    setProblems(found);
    if (Object.keys(found).length > 0) return;
    await run(() => onSave(values), onClose);
  };

  return (
    <Dialog
      title={row ? 'Edit the row' : 'Add a row'}
      isOpen
      onOpenChange={(open) => !open && onClose()}
      actions={
        <>
          <Button onPress={onClose}>Cancel</Button>
          <Button variant="primary" type="submit" form={formId} isDisabled={busy}>
            {row ? 'Save row' : 'Add row'}
          </Button>
        </>
      }
    >
      <form
        id={formId}
        className="row-form"
        // Values are checked by the column types' own rule, not by the browser's.
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void save();
        }}
      >
        {columns.map((column) => (
          <ColumnValueField
            key={column.name}
            column={column}
            text={texts[column.name] ?? ''}
            onChange={(text) => setTexts({ ...texts, [column.name]: text })}
            problem={problems[column.name]}
          />
        ))}
        {columns.length === 0 && <p className="field-description">This table has no columns yet: add some with Columns….</p>}
        {problems[''] && (
          <p className="field-error" role="alert">
            {problems['']}
          </p>
        )}
      </form>
    </Dialog>
  );
}
