import { FileUp } from 'lucide-react';
import { useRef, useState } from 'react';
import type { Column, Row } from '../../../shared/schemas/table.schema.js';
import { errorMessage } from '../api/api-error.js';
import { Button } from '../ui/Button.js';
import { Dialog } from '../ui/Dialog.js';
import { usePendingAction } from '../ui/use-pending-action.js';
import { cellText } from './cell-values.js';
import { previewCsv, type CsvPreview } from './csv-rows.js';
import { refusalText } from './refusal-text.js';

/** Rows shown in the preview, and problem rows listed. */
const PREVIEW_ROWS = 8;
const LISTED_PROBLEMS = 50;

function PreviewTable({ columns, preview }: { columns: readonly Column[]; preview: CsvPreview }) {
  const shown = columns.filter((column) => !preview.missingColumns.includes(column.name));
  return (
    <div className="csv-preview-scroll">
      <table className="data-table compact csv-preview" aria-label="The first rows of the file">
        <thead>
          <tr>
            <th scope="col">Row</th>
            {shown.map((column) => (
              <th key={column.name} scope="col">
                {column.name}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {preview.rows.slice(0, PREVIEW_ROWS).map((row) => (
            <tr key={row.row} className={row.problems.length ? 'has-problem' : undefined}>
              <td>{row.row}</td>
              {shown.map((column) => (
                <td key={column.name}>{cellText(column.type, row.values[column.name])}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/**
 * Imports rows from a CSV file (its first line names the columns): a preview, each row checked in
 * the browser against its column types, then the rows without problems added in one request (the
 * server checks them again and adds all of them or none).
 */
export function CsvImportDialog({
  table,
  columns,
  onClose,
  onImport,
}: {
  table: string;
  columns: readonly Column[];
  onClose: () => void;
  onImport: (rows: Row[]) => Promise<void>;
}) {
  const input = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<string | null>(null);
  const [preview, setPreview] = useState<CsvPreview | null>(null);
  const { run, busy, error, setError } = usePendingAction(refusalText);
  const good = preview?.rows.filter((row) => row.problems.length === 0) ?? [];
  const bad = preview?.rows.filter((row) => row.problems.length > 0) ?? [];

  const read = async (chosen: File | undefined) => {
    if (!chosen) return;
    setError(undefined);
    setFile(chosen.name);
    try {
      setPreview(previewCsv(await chosen.text(), columns));
    } catch (failure) {
      setPreview(null);
      setError(`Could not read ${chosen.name}: ${errorMessage(failure)}`);
    }
  };

  const importRows = () => run(() => onImport(good.map((row) => row.values)), onClose);

  return (
    <Dialog
      title={`Import rows into “${table}”`}
      isOpen
      onOpenChange={(open) => !open && onClose()}
      actions={
        <>
          <Button onPress={onClose}>Cancel</Button>
          <Button variant="primary" onPress={() => void importRows()} isDisabled={busy || good.length === 0} data-testid="csv-import-confirm">
            {bad.length > 0 ? `Import ${good.length} rows, skip ${bad.length}` : `Import ${good.length} rows`}
          </Button>
        </>
      }
    >
      <div className="csv-import">
        <p className="field-description">
          A CSV file whose first line names the columns ({columns.map((column) => column.name).join(', ')}). Empty cells are no value; booleans are true/false,
          yes/no or 1/0; dates are YYYY-MM-DD.
        </p>
        <div className="csv-file">
          <input
            ref={input}
            type="file"
            accept=".csv,text/csv,text/plain"
            className="csv-file-input"
            tabIndex={-1}
            aria-label="CSV file"
            onChange={(event) => void read(event.target.files?.[0])}
            data-testid="csv-file"
          />
          <Button icon={<FileUp size={14} />} onPress={() => input.current?.click()}>
            Choose a CSV file…
          </Button>
          {file && <span className="csv-file-name">{file}</span>}
        </div>
        {preview?.fileProblem && (
          <p className="field-error" role="alert">
            The file cannot be imported: {preview.fileProblem}.
          </p>
        )}
        {preview && !preview.fileProblem && (
          <>
            <p className="csv-summary" data-testid="csv-summary">
              {preview.rows.length} rows read{bad.length > 0 ? `, ${bad.length} with problems (not imported)` : ', all fit the columns'}.
              {preview.ignoredHeaders.length > 0 && ` Ignored (not columns of the table): ${preview.ignoredHeaders.join(', ')}.`}
              {preview.missingColumns.length > 0 && ` Left empty (not in the file): ${preview.missingColumns.join(', ')}.`}
            </p>
            <PreviewTable columns={columns} preview={preview} />
            {bad.length > 0 && (
              <ul className="csv-problems" aria-label="Rows with problems">
                {bad.slice(0, LISTED_PROBLEMS).map((row) => (
                  <li key={row.row}>
                    Row {row.row}: {row.problems.join('; ')}
                  </li>
                ))}
                {bad.length > LISTED_PROBLEMS && <li>… and {bad.length - LISTED_PROBLEMS} more.</li>}
              </ul>
            )}
          </>
        )}
        {error && (
          <p className="field-error dialog-error" role="alert">
            {error}
          </p>
        )}
      </div>
    </Dialog>
  );
}
