import type { CliIo } from './cli-io.js';

/** Prints rows as aligned columns under a header, for people; scripts ask for `--json`. */
export function printTable(io: CliIo, headers: string[], rows: string[][]): void {
  const widths = headers.map((header, column) => Math.max(header.length, ...rows.map((row) => (row[column] ?? '').length)));
  const line = (cells: string[]) => cells.map((cell, column) => (column === cells.length - 1 ? cell : cell.padEnd(widths[column]!))).join('  ');
  io.print(line(headers));
  for (const row of rows) io.print(line(row));
}

/** Prints a list as a table, as JSON with `--json`, or says on stderr that it is empty. */
export function printList<T>(io: CliIo, items: T[], options: { json?: boolean }, empty: string, headers: string[], toRow: (item: T) => string[]): void {
  if (options.json) {
    io.print(JSON.stringify(items, null, 2));
    return;
  }
  if (items.length === 0) {
    io.tell(empty);
    return;
  }
  printTable(io, headers, items.map(toRow));
}
