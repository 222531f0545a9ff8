import type { Reference, RowsPage, TableDocument } from '../../shared/dto/workspace.dto.js';
import type { Column, Row } from '../../shared/schemas/table.schema.js';
import { ValidationError } from '../errors/validation.error.js';
import type { Stores } from '../storage/stores.js';
import { rowProblems, type TableRecord } from '../storage/table.store.js';
import { referencesToTable, retargetTableReferences } from './references.js';
import { assertUnreferenced } from './workspace.service.js';

const toDocument = (table: TableRecord): TableDocument => ({
  application: table.application,
  name: table.name,
  columns: table.columns,
  rowCount: table.rowCount,
  revision: table.revision,
});

/** The runtime facade for application tables and their rows. */
export class TableService {
  constructor(private readonly stores: Stores) {}

  getTable(application: string, name: string): TableDocument {
    return toDocument(this.stores.tables.get(application, name));
  }

  createTable(application: string, name: string, columns: Column[]): TableDocument {
    assertDistinctColumns(columns);
    return toDocument(this.stores.tables.create(application, name, columns));
  }

  /** Renames a table (its readers and writers follow) or changes its columns. */
  updateTable(application: string, name: string, changes: { name?: string; columns?: Column[] }, baseRevision?: number): TableDocument {
    if (changes.columns) assertDistinctColumns(changes.columns);
    return this.stores.transaction(() => {
      const updated = this.stores.tables.update(application, name, changes, baseRevision);
      if (changes.name !== undefined && changes.name !== name) retargetTableReferences(this.stores, application, name, changes.name);
      return toDocument(updated);
    });
  }

  deleteTable(application: string, name: string, confirmed: boolean): void {
    this.stores.transaction(() => {
      this.stores.tables.get(application, name);
      assertUnreferenced(`table "${name}"`, referencesToTable(this.stores, application, name), confirmed);
      this.stores.tables.delete(application, name);
    });
  }

  tableReferences(application: string, name: string): Reference[] {
    this.stores.tables.get(application, name);
    return referencesToTable(this.stores, application, name);
  }

  rows(application: string, name: string, page: { offset: number; limit: number; orderBy?: string }): RowsPage {
    const table = this.stores.tables.get(application, name);
    const descending = page.orderBy?.startsWith('-') ?? false;
    const column = page.orderBy?.replace(/^-/, '');
    if (column !== undefined && !table.columns.some((c) => c.name === column)) {
      throw new ValidationError(`cannot order by "${column}": it is not a column of table "${name}"`);
    }
    const rows = this.stores.tables.rows(table.id, {
      offset: page.offset,
      limit: page.limit,
      ...(column ? { orderBy: { column, descending } } : {}),
    });
    return { rows, total: table.rowCount, offset: page.offset, limit: page.limit };
  }

  /** Adds rows after checking each against the columns; any problem refuses them all. */
  insertRows(application: string, name: string, rows: Row[]): number[] {
    const table = this.stores.tables.get(application, name);
    const problems = rows.flatMap((row, index) => rowProblems(table.columns, row, ['rows', index]));
    if (problems.length > 0) throw new ValidationError(`${problems.length} value(s) do not fit the columns of table "${name}"`, problems);
    return this.stores.transaction(() => rows.map((row) => this.stores.tables.insertRow(table.id, row)));
  }

  updateRow(application: string, name: string, rowId: number, values: Row): void {
    const table = this.stores.tables.get(application, name);
    const problems = rowProblems(table.columns, values, ['values']);
    if (problems.length > 0) throw new ValidationError(`the row does not fit the columns of table "${name}"`, problems);
    this.stores.tables.updateRow(table.id, rowId, values);
  }

  deleteRow(application: string, name: string, rowId: number): void {
    this.stores.tables.deleteRow(this.stores.tables.get(application, name).id, rowId);
  }
}

function assertDistinctColumns(columns: Column[]): void {
  const seen = new Set<string>();
  columns.forEach((column, index) => {
    if (seen.has(column.name)) throw new ValidationError(`column "${column.name}" is declared twice`, [{ path: `$.columns[${index}].name`, message: 'declared twice' }]);
    seen.add(column.name);
  });
}
