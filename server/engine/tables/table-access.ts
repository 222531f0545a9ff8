import type { Row } from '../../../shared/schemas/table.schema.js';
import type { Stores } from '../../storage/stores.js';
import type { RowQuery, StoredRow, TableRecord } from '../../storage/table.store.js';

/** The engine's way to an application's tables: the table store in the server, anything alike in tests. */
export interface TableAccess {
  find(application: string, table: string): TableRecord | undefined;
  rows(tableId: number, query?: RowQuery): StoredRow[];
  insertRow(tableId: number, values: Row): number;
  updateRow(tableId: number, rowId: number, values: Row): void;
  /** Runs `work` as one transaction. */
  transaction<T>(work: () => T): T;
}

/** The table access of the stores of a data folder. */
export function tableAccessOf(stores: Stores): TableAccess {
  const { tables } = stores;
  return {
    find: (application, table) => tables.find(application, table),
    rows: (tableId, query) => tables.rows(tableId, query),
    insertRow: (tableId, values) => tables.insertRow(tableId, values),
    updateRow: (tableId, rowId, values) => tables.updateRow(tableId, rowId, values),
    transaction: (work) => stores.transaction(work),
  };
}
