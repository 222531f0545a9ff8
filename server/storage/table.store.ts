import { columnValueProblem } from '../../shared/schemas/column-types.js';
import type { Column, Row } from '../../shared/schemas/table.schema.js';
import { formatJsonPath } from '../../shared/json-path.js';
import type { Problem } from '../../shared/problem.js';
import type { Clock } from '../clock.js';
import { isoNow } from '../clock.js';
import { ConflictError } from '../errors/conflict.error.js';
import { NotFoundError } from '../errors/not-found.error.js';
import { ValidationError } from '../errors/validation.error.js';
import type { ChangeBus } from './change-bus.js';
import type { Db } from './database.js';

/** A stored application table (its rows live apart, see `rows`). */
export interface TableRecord {
  id: number;
  application: string;
  name: string;
  columns: Column[];
  revision: number;
  rowCount: number;
  createdAt: string;
  updatedAt: string;
}

/** A stored row with its id. */
export interface StoredRow {
  id: number;
  values: Row;
}

/** A filter already turned into SQL over `data` (see `columnSql`), with its parameters. */
export interface SqlCondition {
  sql: string;
  params: unknown[];
}

export interface RowQuery {
  where?: SqlCondition;
  orderBy?: { column: string; descending: boolean };
  limit?: number;
  offset?: number;
}

interface TableRow {
  id: number;
  application: string;
  name: string;
  columns: string;
  revision: number;
  row_count: number;
  created_at: string;
  updated_at: string;
}

const SELECT = `SELECT t.id, a.name AS application, t.name, t.columns, t.revision, t.created_at, t.updated_at,
  (SELECT COUNT(*) FROM table_rows r WHERE r.table_id = t.id) AS row_count
  FROM app_tables t JOIN applications a ON a.id = t.application_id`;

const toRecord = (row: TableRow): TableRecord => ({
  id: row.id,
  application: row.application,
  name: row.name,
  columns: JSON.parse(row.columns) as Column[],
  revision: row.revision,
  rowCount: row.row_count,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
});

/** The SQL expression for a column's value in a stored row. */
export function columnSql(column: string): string {
  return `json_extract(data, '$."${column.replaceAll("'", "''").replaceAll('"', '\\"')}"')`;
}

/** Problems of a row against a table's columns: unknown columns and values of the wrong type. */
export function rowProblems(columns: readonly Column[], row: Row, path: (string | number)[] = []): Problem[] {
  const types = new Map(columns.map((column) => [column.name, column.type]));
  const problems: Problem[] = [];
  for (const [key, value] of Object.entries(row)) {
    const type = types.get(key);
    const problem = type ? columnValueProblem(type, value) : `"${key}" is not a column`;
    if (problem) problems.push({ path: formatJsonPath([...path, key]), message: problem });
  }
  return problems;
}

/** Application tables and their rows in studio.db. Row changes are data, not design: they notify no cache. */
export class TableStore {
  private readonly selectByApplication;
  private readonly selectOne;
  private readonly insertTable;
  private readonly updateTable;
  private readonly deleteTable;
  private readonly insertRowStatement;
  private readonly updateRowStatement;
  private readonly deleteRowStatement;
  private readonly deleteAllRows;
  private readonly selectRow;

  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly bus: ChangeBus,
  ) {
    this.selectByApplication = db.prepare<[string], TableRow>(`${SELECT} WHERE a.name = ? ORDER BY t.name`);
    this.selectOne = db.prepare<[string, string], TableRow>(`${SELECT} WHERE a.name = ? AND t.name = ?`);
    this.insertTable = db.prepare(
      `INSERT INTO app_tables (application_id, name, columns, revision, created_at, updated_at)
       SELECT id, ?, ?, 1, ?, ? FROM applications WHERE name = ?`,
    );
    this.updateTable = db.prepare('UPDATE app_tables SET name = ?, columns = ?, revision = revision + 1, updated_at = ? WHERE id = ?');
    this.deleteTable = db.prepare('DELETE FROM app_tables WHERE id = ?');
    this.insertRowStatement = db.prepare('INSERT INTO table_rows (table_id, data) VALUES (?, ?)');
    this.updateRowStatement = db.prepare('UPDATE table_rows SET data = ? WHERE table_id = ? AND id = ?');
    this.deleteRowStatement = db.prepare('DELETE FROM table_rows WHERE table_id = ? AND id = ?');
    this.deleteAllRows = db.prepare('DELETE FROM table_rows WHERE table_id = ?');
    this.selectRow = db.prepare<[number, number], { id: number; data: string }>('SELECT id, data FROM table_rows WHERE table_id = ? AND id = ?');
  }

  list(application: string): TableRecord[] {
    return this.selectByApplication.all(application).map(toRecord);
  }

  find(application: string, name: string): TableRecord | undefined {
    const row = this.selectOne.get(application, name);
    return row && toRecord(row);
  }

  get(application: string, name: string): TableRecord {
    const found = this.find(application, name);
    if (!found) throw new NotFoundError(`table "${name}" does not exist in application "${application}"`);
    return found;
  }

  create(application: string, name: string, columns: Column[]): TableRecord {
    if (this.find(application, name)) throw new ConflictError(`table "${name}" already exists in application "${application}"`);
    const now = isoNow(this.clock);
    const result = this.insertTable.run(name, JSON.stringify(columns), now, now, application);
    if (result.changes === 0) throw new NotFoundError(`application "${application}" does not exist`);
    this.bus.notify('workspace');
    return this.get(application, name);
  }

  /**
   * Renames a table or changes its columns. `renamedColumns` (old name to new, checked by the
   * caller) moves the values of renamed columns; values of removed columns are dropped from the
   * rows; a changed type must fit every stored value, else nothing changes and each misfit is listed.
   */
  update(application: string, name: string, changes: { name?: string; columns?: Column[]; renamedColumns?: Record<string, string> }, baseRevision?: number): TableRecord {
    return this.db.transaction(() => {
      const current = this.get(application, name);
      if (baseRevision !== undefined && baseRevision !== current.revision) {
        throw new ConflictError(`table "${name}" was changed elsewhere (now at revision ${current.revision}); reload it before saving`, [], {
          currentRevision: current.revision,
        });
      }
      const nextName = changes.name ?? current.name;
      if (nextName !== current.name && this.find(application, nextName)) {
        throw new ConflictError(`table "${nextName}" already exists in application "${application}"`);
      }
      const columns = changes.columns ?? current.columns;
      if (changes.columns) this.refitRows(current, columns, changes.renamedColumns ?? {});
      this.updateTable.run(nextName, JSON.stringify(columns), isoNow(this.clock), current.id);
      this.bus.notify('workspace');
      return this.get(application, nextName);
    })();
  }

  private refitRows(table: TableRecord, columns: Column[], renamed: Record<string, string>): void {
    const kept = new Set(columns.map((column) => column.name));
    const problems: Problem[] = [];
    const rewrites: StoredRow[] = [];
    for (const row of this.rows(table.id)) {
      // Each value under its new name, kept when that is a column; the row is written again when one moved or went.
      const values: StoredRow['values'] = {};
      let changed = false;
      for (const [key, value] of Object.entries(row.values)) {
        const name = Object.hasOwn(renamed, key) ? renamed[key]! : key;
        if (kept.has(name)) values[name] = value;
        if (name !== key || !kept.has(name)) changed = true;
      }
      problems.push(...rowProblems(columns, values, ['rows', row.id]));
      if (changed) rewrites.push({ id: row.id, values });
    }
    if (problems.length > 0) {
      throw new ValidationError(`the new columns do not fit ${problems.length} stored value(s) of table "${table.name}"`, problems.slice(0, 100));
    }
    for (const row of rewrites) this.updateRowStatement.run(JSON.stringify(row.values), table.id, row.id);
  }

  delete(application: string, name: string): void {
    this.deleteTable.run(this.get(application, name).id);
    this.bus.notify('workspace');
  }

  /** Rows of a table, filtered, ordered and paged in SQL. */
  rows(tableId: number, query: RowQuery = {}): StoredRow[] {
    let sql = 'SELECT id, data FROM table_rows WHERE table_id = ?';
    const params: unknown[] = [tableId];
    if (query.where) {
      sql += ` AND (${query.where.sql})`;
      params.push(...query.where.params);
    }
    sql += query.orderBy ? ` ORDER BY ${columnSql(query.orderBy.column)} ${query.orderBy.descending ? 'DESC' : 'ASC'}, id` : ' ORDER BY id';
    if (query.limit !== undefined || query.offset !== undefined) {
      sql += ' LIMIT ? OFFSET ?';
      params.push(query.limit ?? -1, query.offset ?? 0);
    }
    return this.db
      .prepare<unknown[], { id: number; data: string }>(sql)
      .all(...params)
      .map((row) => ({ id: row.id, values: JSON.parse(row.data) as Row }));
  }

  /** The number of rows matching a filter. */
  countRows(tableId: number, where?: SqlCondition): number {
    const sql = `SELECT COUNT(*) FROM table_rows WHERE table_id = ?${where ? ` AND (${where.sql})` : ''}`;
    return this.db.prepare(sql).pluck().get(tableId, ...(where?.params ?? [])) as number;
  }

  row(tableId: number, rowId: number): StoredRow | undefined {
    const found = this.selectRow.get(tableId, rowId);
    return found && { id: found.id, values: JSON.parse(found.data) as Row };
  }

  /** Inserts a row already checked against the columns; returns its id. */
  insertRow(tableId: number, values: Row): number {
    return Number(this.insertRowStatement.run(tableId, JSON.stringify(values)).lastInsertRowid);
  }

  updateRow(tableId: number, rowId: number, values: Row): void {
    if (this.updateRowStatement.run(JSON.stringify(values), tableId, rowId).changes === 0) throw new NotFoundError(`row ${rowId} does not exist`);
  }

  deleteRow(tableId: number, rowId: number): void {
    if (this.deleteRowStatement.run(tableId, rowId).changes === 0) throw new NotFoundError(`row ${rowId} does not exist`);
  }

  /** Replaces a table's columns and every row (an import with `replace`). */
  replaceTable(application: string, name: string, columns: Column[], rows: Row[]): void {
    this.db.transaction(() => {
      const table = this.get(application, name);
      this.deleteAllRows.run(table.id);
      this.updateTable.run(name, JSON.stringify(columns), isoNow(this.clock), table.id);
      for (const values of rows) this.insertRowStatement.run(table.id, JSON.stringify(values));
    })();
    this.bus.notify('workspace');
  }

  /** Replaces every row of a table. */
  replaceRows(tableId: number, rows: Row[]): void {
    this.db.transaction(() => {
      this.deleteAllRows.run(tableId);
      for (const values of rows) this.insertRowStatement.run(tableId, JSON.stringify(values));
    })();
  }
}
