import { Pencil, Trash2 } from 'lucide-react';
import { Cell, Column as AriaColumn, Row as AriaRow, Table, TableBody, TableHeader, type SortDescriptor } from 'react-aria-components';
import type { RowsPage } from '../../../shared/dto/workspace.dto.js';
import type { Column } from '../../../shared/schemas/table.schema.js';
import { IconButton } from '../ui/Button.js';
import { cellText } from './cell-values.js';
import type { RowOrder } from './use-table-rows.js';

const ACTIONS = '\u0000actions';
const ID = '\u0000id';

export interface RowsGridProps {
  columns: readonly Column[];
  rows: RowsPage['rows'];
  /** How many rows come before this page. */
  offset: number;
  order: RowOrder | null;
  onOrder: (order: RowOrder | null) => void;
  onEdit: (row: RowsPage['rows'][number]) => void;
  onDelete: (row: RowsPage['rows'][number]) => void;
}

/** A page of rows: a header per column (click to sort, again to reverse), the cells as text, edit and delete per row. */
export function RowsGrid({ columns, rows, offset, order, onOrder, onEdit, onDelete }: RowsGridProps) {
  // Rows are numbered as listed (the first row of a table is 1), not by the store's ids, which all tables share.
  const numbers = new Map(rows.map((row, index) => [row.id, offset + index + 1]));
  const sort: SortDescriptor | undefined = order ? { column: order.column, direction: order.descending ? 'descending' : 'ascending' } : undefined;
  return (
    <div className="rows-grid-scroll">
      <Table
        aria-label="Rows"
        className="data-table rows-grid"
        {...(sort ? { sortDescriptor: sort } : {})}
        onSortChange={(next) => onOrder(next.column === ID ? null : { column: String(next.column), descending: next.direction === 'descending' })}
      >
        <TableHeader>
          <AriaColumn id={ID} className="rows-grid-id" allowsSorting>
            #
          </AriaColumn>
          {columns.map((column) => (
            <AriaColumn key={column.name} id={column.name} allowsSorting isRowHeader={column === columns[0]}>
              {({ sortDirection }) => (
                <span className="column-head">
                  <span className="column-head-name">{column.name}</span>
                  <span className="column-head-type">{column.type}</span>
                  {sortDirection && (
                    <span className="column-head-sort" aria-hidden="true">
                      {sortDirection === 'ascending' ? '▲' : '▼'}
                    </span>
                  )}
                </span>
              )}
            </AriaColumn>
          ))}
          <AriaColumn id={ACTIONS} className="rows-grid-actions">
            <span className="visually-hidden-text">Actions</span>
          </AriaColumn>
        </TableHeader>
        <TableBody
          items={rows}
          dependencies={[columns]}
          renderEmptyState={() => (
            <p className="rows-empty">
              {columns.length === 0 ? 'No columns yet: add some with Columns…, then rows.' : 'No rows yet: add one, or import a CSV file.'}
            </p>
          )}
        >
          {(row) => (
            <AriaRow id={row.id} className="rows-grid-row">
              <Cell className="rows-grid-id">{numbers.get(row.id)}</Cell>
              {columns.map((column) => {
                const value = row.values[column.name];
                return (
                  <Cell key={column.name} className={`cell is-${column.type}${value === null || value === undefined ? ' is-empty' : ''}`}>
                    {value === null || value === undefined ? '—' : cellText(column.type, value)}
                  </Cell>
                );
              })}
              <Cell className="rows-grid-actions">
                <IconButton label={`Edit row ${numbers.get(row.id)}`} icon={<Pencil size={14} />} onPress={() => onEdit(row)} />
                <IconButton label={`Delete row ${numbers.get(row.id)}`} icon={<Trash2 size={14} />} onPress={() => onDelete(row)} />
              </Cell>
            </AriaRow>
          )}
        </TableBody>
      </Table>
    </div>
  );
}
