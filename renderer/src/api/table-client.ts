import type { RowsPage, TableDocument } from '../../../shared/dto/workspace.dto.js';
import type { Column, Row } from '../../../shared/schemas/table.schema.js';
import type { AdminTransport } from './admin-transport.js';
import { tablePath } from './admin-paths.js';

/** Which rows to read: a page, ordered by a column (`-column` descending) or by insertion. */
export interface RowsRequest {
  offset: number;
  limit: number;
  orderBy?: string | undefined;
}

/** A table's columns and rows over the admin API. */
export class TableClient {
  constructor(private readonly transport: AdminTransport) {}

  get(application: string, table: string): Promise<TableDocument> {
    return this.transport.request('GET', tablePath(application, table));
  }

  /**
   * Replaces the columns: renamed ones (stored name to new name) keep their values, values of
   * removed columns are dropped, and a new type must fit every stored value.
   */
  setColumns(application: string, table: string, columns: Column[], baseRevision: number, renamedColumns: Record<string, string> = {}): Promise<TableDocument> {
    const renames = Object.keys(renamedColumns).length > 0 ? { renamedColumns } : {};
    return this.transport.request('PATCH', tablePath(application, table), { body: { columns, ...renames, baseRevision } });
  }

  rows(application: string, table: string, request: RowsRequest): Promise<RowsPage> {
    const { offset, limit, orderBy } = request;
    return this.transport.request('GET', `${tablePath(application, table)}/rows`, { query: { offset: String(offset), limit: String(limit), orderBy } });
  }

  /** Adds rows, all or none: any value that does not fit its column refuses them all (400 with each problem). */
  insertRows(application: string, table: string, rows: Row[]): Promise<{ ids: number[] }> {
    return this.transport.request('POST', `${tablePath(application, table)}/rows`, { body: { rows } });
  }

  updateRow(application: string, table: string, id: number, values: Row): Promise<void> {
    return this.transport.request('PUT', `${tablePath(application, table)}/rows/${id}`, { body: { values } });
  }

  deleteRow(application: string, table: string, id: number): Promise<void> {
    return this.transport.request('DELETE', `${tablePath(application, table)}/rows/${id}`);
  }
}
