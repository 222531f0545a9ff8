import { ChevronLeft, ChevronRight, Columns3, Download, FileUp, Plus, Table2 } from 'lucide-react';
import { useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { RowsPage } from '../../../shared/dto/workspace.dto.js';
import { errorMessage } from '../api/api-error.js';
import { Breadcrumbs } from '../app/Breadcrumbs.js';
import { useStudioStore } from '../state/studio-store.js';
import { Button, IconButton } from '../ui/Button.js';
import { Dialog } from '../ui/Dialog.js';
import { notify } from '../ui/notifications.js';
import { ColumnsDialog } from './ColumnsDialog.js';
import { CsvImportDialog } from './CsvImportDialog.js';
import { exportTableCsv } from './export-table-csv.js';
import { RowDialog } from './RowDialog.js';
import { RowsGrid } from './RowsGrid.js';
import { PAGE_SIZE, useTableRows } from './use-table-rows.js';

type StoredRow = RowsPage['rows'][number];
type Open = { kind: 'row'; row: StoredRow | null } | { kind: 'delete'; row: StoredRow } | { kind: 'columns' } | { kind: 'import' } | null;

/** A table: its rows (paged, sorted), with add, edit and delete; its columns; CSV import and export. */
export function TableView({ application, table: name }: { application: string; table: string }) {
  const { client, loadWorkspace } = useStudioStore(useShallow((state) => ({ client: state.client, loadWorkspace: state.loadWorkspace })));
  const rows = useTableRows(client, application, name);
  const [open, setOpen] = useState<Open>(null);
  const [exporting, setExporting] = useState(false);
  const { table, page } = rows;
  const changed = async () => {
    await rows.reload();
    void loadWorkspace();
  };

  if (!table) {
    return (
      <div className="page">
        <header className="page-header">
          <Breadcrumbs application={application}>
            <Table2 size={15} aria-hidden="true" /> {name}
          </Breadcrumbs>
        </header>
        <p className="view-message">{rows.error ? `Could not open the table: ${rows.error}` : 'Loading…'}</p>
      </div>
    );
  }

  const total = page?.total ?? table.rowCount;
  const first = total === 0 ? 0 : rows.offset + 1;
  const last = Math.min(rows.offset + PAGE_SIZE, total);
  return (
    <div className="page table-page">
      <header className="page-header">
        <Breadcrumbs application={application}>
          <Table2 size={15} aria-hidden="true" /> {table.name}
        </Breadcrumbs>
        <div className="page-actions">
          <Button size="sm" icon={<Columns3 size={14} />} onPress={() => setOpen({ kind: 'columns' })}>
            Columns…
          </Button>
          <Button size="sm" icon={<FileUp size={14} />} onPress={() => setOpen({ kind: 'import' })} isDisabled={table.columns.length === 0}>
            Import CSV…
          </Button>
          <Button
            size="sm"
            icon={<Download size={14} />}
            isDisabled={exporting || total === 0}
            onPress={() => {
              if (!client) return;
              setExporting(true);
              exportTableCsv(client, table, rows.order)
                .catch((error: unknown) => notify({ tone: 'error', title: 'Could not export the rows', description: errorMessage(error) }))
                .finally(() => setExporting(false));
            }}
          >
            Export CSV
          </Button>
          <Button
            size="sm"
            variant="primary"
            icon={<Plus size={14} />}
            onPress={() => setOpen({ kind: 'row', row: null })}
            isDisabled={table.columns.length === 0}
          >
            Add row
          </Button>
        </div>
      </header>
      {rows.error && (
        <p className="field-error" role="alert">
          {rows.error}
        </p>
      )}
      <section className="panel-card table-card">
        <RowsGrid
          columns={table.columns}
          rows={page?.rows ?? []}
          offset={rows.offset}
          order={rows.order}
          onOrder={rows.setOrder}
          onEdit={(row) => setOpen({ kind: 'row', row })}
          onDelete={(row) => setOpen({ kind: 'delete', row })}
        />
        <footer className="rows-footer">
          <span data-testid="rows-range">
            {first}–{last} of {total} rows
          </span>
          <IconButton
            label="Previous page"
            icon={<ChevronLeft size={15} />}
            isDisabled={rows.offset === 0}
            onPress={() => rows.setOffset(Math.max(0, rows.offset - PAGE_SIZE))}
          />
          <IconButton label="Next page" icon={<ChevronRight size={15} />} isDisabled={last >= total} onPress={() => rows.setOffset(rows.offset + PAGE_SIZE)} />
        </footer>
      </section>

      {open?.kind === 'row' && client && (
        <RowDialog
          columns={table.columns}
          row={open.row}
          onClose={() => setOpen(null)}
          onSave={async (values) => {
            if (open.row) await client.tables.updateRow(application, table.name, open.row.id, values);
            else await client.tables.insertRows(application, table.name, [values]);
            await changed();
          }}
        />
      )}
      {open?.kind === 'columns' && client && (
        <ColumnsDialog
          columns={table.columns}
          onClose={() => setOpen(null)}
          onSave={async (columns, renamedColumns) => {
            await client.tables.setColumns(application, table.name, columns, table.revision, renamedColumns);
            await changed();
          }}
        />
      )}
      {open?.kind === 'import' && client && (
        <CsvImportDialog
          table={table.name}
          columns={table.columns}
          onClose={() => setOpen(null)}
          onImport={async (imported) => {
            await client.tables.insertRows(application, table.name, imported);
            notify({ tone: 'success', title: `Imported ${imported.length} rows into “${table.name}”` });
            await changed();
          }}
        />
      )}
      {open?.kind === 'delete' && client && (
        <Dialog
          title="Delete this row?"
          role="alertdialog"
          isOpen
          onOpenChange={(isOpen) => !isOpen && setOpen(null)}
          actions={
            <>
              <Button onPress={() => setOpen(null)}>Cancel</Button>
              <Button
                variant="danger"
                onPress={() =>
                  void (async () => {
                    try {
                      await client.tables.deleteRow(application, table.name, open.row.id);
                      setOpen(null);
                      await changed();
                    } catch (error) {
                      notify({ tone: 'error', title: 'Could not delete the row', description: errorMessage(error) });
                    }
                  })()
                }
              >
                Delete
              </Button>
            </>
          }
        >
          <p>The row is removed from “{table.name}” at once; flows that read the table no longer see it.</p>
        </Dialog>
      )}
    </div>
  );
}
