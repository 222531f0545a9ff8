/** Prints rows as aligned columns under a header, for people; scripts ask for `--json`. */
export function printTable(headers: string[], rows: string[][]): void {
  const widths = headers.map((header, column) => Math.max(header.length, ...rows.map((row) => (row[column] ?? '').length)));
  const line = (cells: string[]) => cells.map((cell, column) => (column === cells.length - 1 ? cell : cell.padEnd(widths[column]!))).join('  ');
  console.log(line(headers));
  for (const row of rows) console.log(line(row));
}

/** Prints a list as a table, as JSON with `--json`, or says on stderr that it is empty. */
export function printList<T>(items: T[], options: { json?: boolean }, empty: string, headers: string[], toRow: (item: T) => string[]): void {
  if (options.json) {
    console.log(JSON.stringify(items, null, 2));
    return;
  }
  if (items.length === 0) {
    console.error(empty);
    return;
  }
  printTable(headers, items.map(toRow));
}
