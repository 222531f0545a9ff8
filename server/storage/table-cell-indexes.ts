import type { ColumnType } from '../../shared/schemas/column-types.js';
import type { Column } from '../../shared/schemas/table.schema.js';
import type { Db } from './database.js';

/** Column types whose cells SQL compares as values (a json cell is a document, left unindexed). */
const INDEXED_TYPES: ReadonlySet<ColumnType> = new Set(['string', 'number', 'boolean', 'date', 'datetime']);

const PREFIX = 'table_cells_';

/** The SQL expression for a column's value in a stored row. */
export function columnSql(column: string): string {
  return `json_extract(data, '$."${column.replaceAll("'", "''").replaceAll('"', '\\"')}"')`;
}

/**
 * The name of the index on one column of one table: the column's name in hexadecimal, so that
 * any name makes a plain identifier and a rename makes another index.
 */
export function cellIndexName(tableId: number, column: string): string {
  return `${PREFIX}${tableId}_${Buffer.from(column, 'utf8').toString('hex')}`;
}

/**
 * Brings the indexes of one table's cells in line with its columns: an index per column of a
 * comparable type, partial on the table's own rows (`table_id = N`, written as a literal so that
 * a query naming the table the same way can use it); indexes of columns gone, renamed or retyped
 * to json are dropped. Gives whether anything changed.
 */
export function syncCellIndexes(db: Db, tableId: number, columns: readonly Column[]): boolean {
  assertTableId(tableId);
  const wanted = new Map<string, string>();
  for (const column of columns) if (INDEXED_TYPES.has(column.type)) wanted.set(cellIndexName(tableId, column.name), column.name);
  const existing = db
    .prepare<[string], string>("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'table_rows' AND name LIKE ? ESCAPE '\\'")
    .pluck()
    .all(`${PREFIX.replaceAll('_', '\\_')}${tableId}\\_%`);
  let changed = false;
  for (const name of existing) {
    if (wanted.has(name)) continue;
    db.exec(`DROP INDEX "${name}"`);
    changed = true;
  }
  for (const [name, column] of wanted) {
    if (existing.includes(name)) continue;
    db.exec(`CREATE INDEX "${name}" ON table_rows (${columnSql(column)}) WHERE table_id = ${tableId}`);
    changed = true;
  }
  return changed;
}

/**
 * Brings every table's cell indexes in line with its columns, and drops those of tables that are
 * gone (an application's deletion takes its tables with it); writes only when something is amiss.
 */
export function syncAllCellIndexes(db: Db): boolean {
  const tables = db.prepare<[], { id: number; columns: string }>('SELECT id, columns FROM app_tables').all();
  let changed = false;
  const known = new Set<number>();
  for (const table of tables) {
    known.add(table.id);
    changed = syncCellIndexes(db, table.id, JSON.parse(table.columns) as Column[]) || changed;
  }
  const all = db.prepare<[], string>(`SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'table_rows' AND name LIKE '${PREFIX.replaceAll('_', '\\_')}%' ESCAPE '\\'`).pluck().all();
  for (const name of all) {
    const tableId = Number(/^table_cells_(\d+)_/.exec(name)?.[1]);
    if (known.has(tableId)) continue;
    db.exec(`DROP INDEX "${name}"`);
    changed = true;
  }
  return changed;
}

/** Table ids are written into SQL as literals: only a positive integer may be. */
export function assertTableId(tableId: number): void {
  if (!Number.isSafeInteger(tableId) || tableId < 1) throw new RangeError(`not a table id: ${tableId}`);
}
