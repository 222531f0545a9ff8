import type { Reference, RowsPage, TableDocument } from '../../shared/dto/workspace.dto.js';
import type { Column, Row } from '../../shared/schemas/table.schema.js';
import { normalizeName } from '../../shared/names.js';
import { ValidationError } from '../errors/validation.error.js';
import type { Stores } from '../storage/stores.js';
import { rowProblems, type TableRecord } from '../storage/table.store.js';
import { referencesToTable, retargetColumnReferences, retargetTableReferences } from './references.js';
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

  /**
   * Renames a table (its readers and writers follow) or changes its columns. A renamed column
   * keeps its values, and the nodes that name it as a column (a Read Table's order, a Save
   * Table's key) follow; expressions that mention it are left as they are.
   */
  updateTable(
    application: string,
    name: string,
    changes: { name?: string; columns?: Column[]; renamedColumns?: Record<string, string> },
    baseRevision?: number,
  ): TableDocument {
    if (changes.columns) assertDistinctColumns(changes.columns);
    return this.stores.transaction(() => {
      const renamed =
        changes.renamedColumns && changes.columns
          ? checkedRenames(this.stores.tables.get(application, name).columns, changes.columns, changes.renamedColumns)
          : {};
      const updated = this.stores.tables.update(application, name, { ...changes, renamedColumns: renamed }, baseRevision);
      if (changes.name !== undefined && changes.name !== name) retargetTableReferences(this.stores, application, name, changes.name);
      if (Object.keys(renamed).length > 0) retargetColumnReferences(this.stores, application, updated.name, renamed);
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

/**
 * The renames that change a name, keyed by the stored name (normalized). Each must name a stored
 * column and a column of the new list, and no two stored columns may end up under one name.
 */
function checkedRenames(stored: Column[], columns: Column[], given: Record<string, string>): Record<string, string> {
  const storedNames = new Set(stored.map((column) => column.name));
  const newNames = new Set(columns.map((column) => column.name));
  const renamed: Record<string, string> = {};
  for (const [rawFrom, to] of Object.entries(given)) {
    const from = normalizeName(rawFrom);
    const path = `$.renamedColumns[${JSON.stringify(rawFrom)}]`;
    if (!storedNames.has(from))
      throw new ValidationError(`cannot rename column "${from}": the table has no such column`, [{ path, message: 'not a column of the table' }]);
    if (!newNames.has(to))
      throw new ValidationError(`cannot rename column "${from}" to "${to}": "${to}" is not in the new columns`, [{ path, message: 'not in columns' }]);
    if (from !== to) renamed[from] = to;
  }
  const landing = new Map<string, string>();
  for (const name of storedNames) {
    const to = renamed[name] ?? name;
    if (!newNames.has(to)) continue;
    const other = landing.get(to);
    if (other !== undefined) {
      throw new ValidationError(`columns "${other}" and "${name}" would both become "${to}"; rename or remove one of them`, [
        { path: '$.renamedColumns', message: `two columns become "${to}"` },
      ]);
    }
    landing.set(to, name);
  }
  return renamed;
}

function assertDistinctColumns(columns: Column[]): void {
  const seen = new Set<string>();
  columns.forEach((column, index) => {
    if (seen.has(column.name))
      throw new ValidationError(`column "${column.name}" is declared twice`, [{ path: `$.columns[${index}].name`, message: 'declared twice' }]);
    seen.add(column.name);
  });
}
