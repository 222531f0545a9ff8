import type { TableDocument } from '../../../shared/dto/workspace.dto.js';
import type { Row } from '../../../shared/schemas/table.schema.js';
import type { StudioClient } from '../api/studio-client.js';
import { downloadFile } from '../ui/download-file.js';
import { rowsToCsv } from './csv-rows.js';
import { orderParameter, type RowOrder } from './use-table-rows.js';

/** Rows read per request while exporting (the most the rows route gives). */
const EXPORT_PAGE = 1000;

/** Reads every row of a table (in the order shown) and saves them as `<table>.csv`. */
export async function exportTableCsv(client: StudioClient, table: TableDocument, order: RowOrder | null): Promise<void> {
  const rows: Row[] = [];
  for (let offset = 0; ; offset += EXPORT_PAGE) {
    const page = await client.tables.rows(table.application, table.name, { offset, limit: EXPORT_PAGE, orderBy: orderParameter(order) });
    rows.push(...page.rows.map((row) => row.values));
    if (page.rows.length < EXPORT_PAGE) break;
  }
  downloadFile(`${table.name.replace(/[\u0000-\u001f\u007f/\\:*?"<>|]+/g, '_')}.csv`, `${rowsToCsv(table.columns, rows)}\r\n`, 'text/csv');
}
