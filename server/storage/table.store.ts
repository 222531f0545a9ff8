import { randomInt } from 'node:crypto';
import Database from 'better-sqlite3';
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
import { inTransaction } from './in-transaction.js';
import { RowSnapshots, SNAPSHOT_ROWS, type StoredRow } from './row-snapshots.js';
import { assertTableId, cellIndexName, columnSql, syncAllCellIndexes, syncCellIndexes } from './table-cell-indexes.js';

export type { StoredRow } from './row-snapshots.js';
export { columnSql } from './table-cell-indexes.js';

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

/** A filter already turned into SQL over `data` (see `columnSql`), with its parameters. */
export interface SqlCondition {
  sql: string;
  params: unknown[];
  /** The same test over a row's values, when there is one: then rows held in memory can serve the read. */
  matches?: ((values: Row) => boolean) | undefined;
  /** A column the SQL compares by `= < <= > >=` in every match: its index serves the read. */
  indexedColumn?: string | undefined;
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

/** The most statements kept prepared; past it the cache starts again (the set of queries a workspace makes is small). */
const CACHED_STATEMENTS = 256;

/**
 * Application tables and their rows in studio.db. Row changes are data, not design: they notify
 * no cache, but bump the table's data revision, by which any connection knows its rows held in
 * memory are stale. Each column of a comparable type has an index (see `syncCellIndexes`).
 */
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
  private readonly selectDataRevision;
  private readonly bumpDataRevision;
  private readonly countUpTo;
  private readonly statements = new Map<string, Database.Statement<unknown[], { id: number; data: string }>>();
  private readonly snapshots = new RowSnapshots();

  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly bus: ChangeBus,
  ) {
    this.selectByApplication = db.prepare<[string], TableRow>(`${SELECT} WHERE a.name = ? ORDER BY t.name`);
    this.selectOne = db.prepare<[string, string], TableRow>(`${SELECT} WHERE a.name = ? AND t.name = ?`);
    this.insertTable = db.prepare(
      `INSERT INTO app_tables (application_id, name, columns, revision, created_at, updated_at, data_revision)
       SELECT id, ?, ?, 1, ?, ?, ? FROM applications WHERE name = ?`,
    );
    this.updateTable = db.prepare('UPDATE app_tables SET name = ?, columns = ?, revision = revision + 1, updated_at = ? WHERE id = ?');
    this.deleteTable = db.prepare('DELETE FROM app_tables WHERE id = ?');
    this.insertRowStatement = db.prepare('INSERT INTO table_rows (table_id, data) VALUES (?, ?)');
    this.updateRowStatement = db.prepare('UPDATE table_rows SET data = ? WHERE table_id = ? AND id = ?');
    this.deleteRowStatement = db.prepare('DELETE FROM table_rows WHERE table_id = ? AND id = ?');
    this.deleteAllRows = db.prepare('DELETE FROM table_rows WHERE table_id = ?');
    this.selectRow = db.prepare<[number, number], { id: number; data: string }>('SELECT id, data FROM table_rows WHERE table_id = ? AND id = ?');
    this.selectDataRevision = db.prepare<[number], number>('SELECT data_revision FROM app_tables WHERE id = ?').pluck();
    this.bumpDataRevision = db.prepare<[number]>('UPDATE app_tables SET data_revision = data_revision + 1 WHERE id = ?');
    this.countUpTo = db.prepare<[number, number], number>('SELECT COUNT(*) FROM (SELECT 1 FROM table_rows WHERE table_id = ? LIMIT ?)').pluck();
    syncAllCellIndexes(db);
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
    this.db.transaction(() => {
      // A table may take the id of one deleted before it: its data revision starts anywhere, so that
      // rows another connection holds for the old table never pass for the new one's.
      const result = this.insertTable.run(name, JSON.stringify(columns), now, now, randomInt(1, 2 ** 47), application);
      if (result.changes === 0) throw new NotFoundError(`application "${application}" does not exist`);
      this.syncIndexes(Number(result.lastInsertRowid), columns);
    })();
    this.bus.notify('workspace');
    return this.get(application, name);
  }

  /**
   * Renames a table or changes its columns. `renamedColumns` (old name to new, checked by the
   * caller) moves the values of renamed columns; values of removed columns are dropped from the
   * rows; a changed type must fit every stored value, else nothing changes and each misfit is listed.
   */
  update(
    application: string,
    name: string,
    changes: { name?: string; columns?: Column[]; renamedColumns?: Record<string, string> },
    baseRevision?: number,
  ): TableRecord {
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
      this.syncIndexes(current.id, columns);
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
    if (rewrites.length > 0) this.bumpDataRevision.run(table.id);
  }

  delete(application: string, name: string): void {
    this.db.transaction(() => {
      const { id } = this.get(application, name);
      this.deleteTable.run(id);
      this.syncIndexes(id, []);
    })();
    this.bus.notify('workspace');
  }

  /**
   * Rows of a table in id order, filtered, ordered and paged. A small table read again at the
   * same data revision is served from its rows held in memory when the filter has a test in
   * JavaScript and nothing asks for another order; otherwise SQL reads it, a simple filter
   * through its column's index. Rows held in memory are frozen: take them as read-only.
   */
  rows(tableId: number, query: RowQuery = {}): StoredRow[] {
    assertTableId(tableId);
    const { where, limit } = query;
    if (query.orderBy === undefined && query.offset === undefined && (!where || where.matches)) {
      const held = this.heldRows(tableId);
      if (held) {
        const matches = where?.matches;
        if (!matches) return limit === undefined ? held.slice() : held.slice(0, limit);
        const found: StoredRow[] = [];
        for (const row of held) {
          if (found.length === limit) break;
          if (matches(row.values)) found.push(row);
        }
        return found;
      }
    }
    return this.selectRows(tableId, query);
  }

  private heldRows(tableId: number): readonly StoredRow[] | undefined {
    const revision = this.selectDataRevision.get(tableId);
    if (revision === undefined) return undefined;
    // Never from within a transaction: what it reads may yet be rolled back.
    return this.snapshots.rows(tableId, revision, () => {
      if (this.db.inTransaction) return 'not now';
      if (this.countUpTo.get(tableId, SNAPSHOT_ROWS + 1)! > SNAPSHOT_ROWS) return 'too large';
      return this.selectRows(tableId, {});
    });
  }

  private selectRows(tableId: number, query: RowQuery): StoredRow[] {
    // The table id is a literal, not a parameter: the partial indexes of its cells name it so.
    let sql = ` WHERE table_id = ${tableId}`;
    const params: unknown[] = [];
    if (query.where) {
      sql += ` AND (${query.where.sql})`;
      params.push(...query.where.params);
    }
    sql += query.orderBy ? ` ORDER BY ${columnSql(query.orderBy.column)} ${query.orderBy.descending ? 'DESC' : 'ASC'}, id` : ' ORDER BY id';
    if (query.limit !== undefined || query.offset !== undefined) {
      sql += ' LIMIT ? OFFSET ?';
      params.push(query.limit ?? -1, query.offset ?? 0);
    }
    const plain = `SELECT id, data FROM table_rows${sql}`;
    const indexed = query.where?.indexedColumn;
    // Without statistics SQLite prefers the table's id index to a range of a cell's index, so it is named.
    let stored: { id: number; data: string }[];
    if (indexed === undefined) stored = this.statement(plain).all(...params);
    else {
      const hinted = `SELECT id, data FROM table_rows INDEXED BY "${cellIndexName(tableId, indexed)}"${sql}`;
      try {
        stored = this.statement(hinted).all(...params);
      } catch (error) {
        // Another connection changed the columns since the filter was planned: read without the index.
        if (!(error instanceof Database.SqliteError) || !/no such index/.test(error.message)) throw error;
        this.statements.delete(hinted);
        stored = this.statement(plain).all(...params);
      }
    }
    return stored.map((row) => ({ id: row.id, values: JSON.parse(row.data) as Row }));
  }

  private statement(sql: string): Database.Statement<unknown[], { id: number; data: string }> {
    let statement = this.statements.get(sql);
    if (!statement) {
      if (this.statements.size >= CACHED_STATEMENTS) this.statements.clear();
      statement = this.db.prepare<unknown[], { id: number; data: string }>(sql);
      this.statements.set(sql, statement);
    }
    return statement;
  }

  private syncIndexes(tableId: number, columns: readonly Column[]): void {
    if (!syncCellIndexes(this.db, tableId, columns)) return;
    this.statements.clear();
    this.snapshots.clear();
  }

  row(tableId: number, rowId: number): StoredRow | undefined {
    const found = this.selectRow.get(tableId, rowId);
    return found && { id: found.id, values: JSON.parse(found.data) as Row };
  }

  /** Inserts a row already checked against the columns; returns its id. */
  insertRow(tableId: number, values: Row): number {
    return inTransaction(this.db, () => {
      const id = Number(this.insertRowStatement.run(tableId, JSON.stringify(values)).lastInsertRowid);
      this.bumpDataRevision.run(tableId);
      return id;
    });
  }

  updateRow(tableId: number, rowId: number, values: Row): void {
    inTransaction(this.db, () => {
      if (this.updateRowStatement.run(JSON.stringify(values), tableId, rowId).changes === 0) throw new NotFoundError(`row ${rowId} does not exist`);
      this.bumpDataRevision.run(tableId);
    });
  }

  deleteRow(tableId: number, rowId: number): void {
    inTransaction(this.db, () => {
      if (this.deleteRowStatement.run(tableId, rowId).changes === 0) throw new NotFoundError(`row ${rowId} does not exist`);
      this.bumpDataRevision.run(tableId);
    });
  }

  /** Replaces a table's columns and every row (an import with `replace`). */
  replaceTable(application: string, name: string, columns: Column[], rows: Row[]): void {
    this.db.transaction(() => {
      const table = this.get(application, name);
      this.deleteAllRows.run(table.id);
      this.updateTable.run(name, JSON.stringify(columns), isoNow(this.clock), table.id);
      this.syncIndexes(table.id, columns);
      for (const values of rows) this.insertRowStatement.run(table.id, JSON.stringify(values));
      this.bumpDataRevision.run(table.id);
    })();
    this.bus.notify('workspace');
  }

  /** Replaces every row of a table. */
  replaceRows(tableId: number, rows: Row[]): void {
    this.db.transaction(() => {
      this.deleteAllRows.run(tableId);
      for (const values of rows) this.insertRowStatement.run(tableId, JSON.stringify(values));
      this.bumpDataRevision.run(tableId);
    })();
  }
}
