import Papa from 'papaparse';
import type { Column, Row } from '../../../shared/schemas/table.schema.js';
import { cellText, readCell } from './cell-values.js';

/** A data row of a CSV file as it would be imported, with what is wrong with it. */
export interface CsvRow {
  /** The row's number among the file's data rows (1 is the row under the header line). */
  row: number;
  values: Row;
  problems: string[];
}

/** What a CSV file would add to a table: its rows, and the columns it has that the table has not (ignored). */
export interface CsvPreview {
  rows: CsvRow[];
  /** Headers that name no column of the table: their values are not imported. */
  ignoredHeaders: string[];
  /** Columns of the table the file has no header for: they stay empty (null). */
  missingColumns: string[];
  /** A problem with the file as a whole (no header line, nothing to import). */
  fileProblem: string | null;
}

/**
 * Reads a CSV file (the first line names the columns) with papaparse and checks every cell against
 * its column's type, in the browser, before anything is sent: the server checks again, and refuses
 * the whole import if any value does not fit.
 */
export function previewCsv(text: string, columns: readonly Column[]): CsvPreview {
  const parsed = Papa.parse<Record<string, string>>(text.replace(/^\uFEFF/, ''), {
    header: true,
    skipEmptyLines: 'greedy',
    transformHeader: (header) => header.trim(),
  });
  const headers = parsed.meta.fields ?? [];
  const byName = new Map(columns.map((column) => [column.name, column]));
  const known = headers.filter((header) => byName.has(header));
  const preview: CsvPreview = {
    rows: [],
    ignoredHeaders: headers.filter((header) => header !== '' && !byName.has(header)),
    missingColumns: columns.map((column) => column.name).filter((name) => !headers.includes(name)),
    fileProblem: null,
  };
  if (known.length === 0) {
    preview.fileProblem =
      headers.length === 0
        ? 'the file is empty'
        : `the first line names no column of the table (its columns: ${columns.map((column) => column.name).join(', ') || 'none'})`;
    return preview;
  }
  const rowErrors = new Map<number, string[]>();
  for (const error of parsed.errors) {
    if (error.row === undefined) continue;
    rowErrors.set(error.row, [...(rowErrors.get(error.row) ?? []), error.message]);
  }
  preview.rows = parsed.data.map((cells, index) => {
    const values: Row = {};
    const problems = [...(rowErrors.get(index) ?? [])];
    for (const header of known) {
      const reading = readCell(byName.get(header)!.type, cells[header] ?? '');
      if (reading.ok) values[header] = reading.value;
      else problems.push(`${header}: ${reading.problem}`);
    }
    return { row: index + 1, values, problems };
  });
  return preview;
}

/** A table's rows as CSV: a header line of the column names, then one line per row (null empty, JSON written out). */
export function rowsToCsv(columns: readonly Column[], rows: readonly Row[]): string {
  return Papa.unparse({
    fields: columns.map((column) => column.name),
    data: rows.map((row) => columns.map((column) => cellText(column.type, row[column.name]))),
  });
}
