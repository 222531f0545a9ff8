import { useCallback, useEffect, useState } from 'react';
import type { RowsPage, TableDocument } from '../../../shared/dto/workspace.dto.js';
import { errorMessage } from '../api/api-error.js';
import type { StudioClient } from '../api/studio-client.js';

/** Rows per page in the table view. */
export const PAGE_SIZE = 50;

/** The column the rows are ordered by, or null for the order they were added in. */
export interface RowOrder {
  column: string;
  descending: boolean;
}

export interface TableRows {
  table: TableDocument | null;
  page: RowsPage | null;
  error: string | null;
  loading: boolean;
  offset: number;
  order: RowOrder | null;
  setOffset: (offset: number) => void;
  setOrder: (order: RowOrder | null) => void;
  /** Reads the table and the current page again (after a change). */
  reload: () => Promise<void>;
}

/** `name` or `-name`, as the rows route takes it. */
export const orderParameter = (order: RowOrder | null): string | undefined => (order ? `${order.descending ? '-' : ''}${order.column}` : undefined);

/** A table's columns and one page of its rows, ordered and paged, read from the admin API. */
export function useTableRows(client: StudioClient | null, application: string, name: string): TableRows {
  const [table, setTable] = useState<TableDocument | null>(null);
  const [page, setPage] = useState<RowsPage | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const [offset, setOffset] = useState(0);
  const [order, setOrder] = useState<RowOrder | null>(null);

  const reload = useCallback(async () => {
    if (!client) return;
    setLoading(true);
    try {
      const [document, rows] = await Promise.all([
        client.tables.get(application, name),
        client.tables.rows(application, name, { offset, limit: PAGE_SIZE, orderBy: orderParameter(order) }),
      ]);
      setTable(document);
      // Rows deleted elsewhere can leave this page past the end: go back to the last page.
      if (rows.rows.length === 0 && offset > 0 && rows.total > 0) setOffset(Math.floor((rows.total - 1) / PAGE_SIZE) * PAGE_SIZE);
      setPage(rows);
      setError(null);
    } catch (failure) {
      setError(errorMessage(failure));
    } finally {
      setLoading(false);
    }
  }, [client, application, name, offset, order]);

  useEffect(() => {
    void reload();
  }, [reload]);

  return {
    table,
    page,
    error,
    loading,
    offset,
    order,
    setOffset,
    setOrder: (next) => {
      setOrder(next);
      setOffset(0);
    },
    reload,
  };
}
