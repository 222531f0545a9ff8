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
  const statements = cellIndexChanges(db, tableId, columns);
  for (const statement of statements) db.exec(statement);
  return statements.length > 0;
}

/**
 * Brings every table's cell indexes in line with its columns, and drops those of tables that are
 * gone (an application's deletion takes its tables with it). Only reads when all is in order (run
 * workers open the database too); otherwise writes in a transaction that holds the write lock
 * from its start.
 */
export function syncAllCellIndexes(db: Db): void {
  const amiss = (): string[] => {
    const tables = db.prepare<[], { id: number; columns: string }>('SELECT id, columns FROM app_tables').all();
    const known = new Set(tables.map((table) => table.id));
    const statements = tables.flatMap((table) => cellIndexChanges(db, table.id, JSON.parse(table.columns) as Column[]));
    const all = db
      .prepare<[], string>(
        `SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'table_rows' AND name LIKE '${PREFIX.replaceAll('_', '\\_')}%' ESCAPE '\\'`,
      )
      .pluck()
      .all();
    for (const name of all) if (!known.has(Number(/^table_cells_(\d+)_/.exec(name)?.[1]))) statements.push(`DROP INDEX "${name}"`);
    return statements;
  };
  if (amiss().length === 0) return;
  db.transaction(() => {
    for (const statement of amiss()) db.exec(statement);
  }).immediate();
}

function cellIndexChanges(db: Db, tableId: number, columns: readonly Column[]): string[] {
  assertTableId(tableId);
  const wanted = new Map<string, string>();
  for (const column of columns) if (INDEXED_TYPES.has(column.type)) wanted.set(cellIndexName(tableId, column.name), column.name);
  const existing = db
    .prepare<[string], string>("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'table_rows' AND name LIKE ? ESCAPE '\\'")
    .pluck()
    .all(`${PREFIX.replaceAll('_', '\\_')}${tableId}\\_%`);
  const statements = existing.filter((name) => !wanted.has(name)).map((name) => `DROP INDEX "${name}"`);
  for (const [name, column] of wanted) {
    if (!existing.includes(name)) statements.push(`CREATE INDEX "${name}" ON table_rows (${columnSql(column)}) WHERE table_id = ${tableId}`);
  }
  return statements;
}

/** Table ids are written into SQL as literals: only a positive integer may be. */
export function assertTableId(tableId: number): void {
  if (!Number.isSafeInteger(tableId) || tableId < 1) throw new RangeError(`not a table id: ${tableId}`);
}
