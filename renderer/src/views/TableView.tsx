import { Table2 } from 'lucide-react';
import { useShallow } from 'zustand/react/shallow';
import { useStudioStore } from '../state/studio-store.js';
import { Breadcrumbs } from '../app/Breadcrumbs.js';
import { Button } from '../ui/Button.js';

/** A table's columns and size. The place where its rows are browsed and edited. */
export function TableView({ application, table }: { application: string; table: string }) {
  const { found, navigate } = useStudioStore(useShallow((state) => ({
    found: state.workspace?.applications.find((app) => app.name === application)?.tables.find((candidate) => candidate.name === table),
    navigate: state.navigate,
  })));
  return (
    <div className="page">
      <header className="page-header">
        <Breadcrumbs application={application}>
          <Table2 size={15} aria-hidden="true" /> {table}
        </Breadcrumbs>
      </header>
      {!found ? (
        <p className="view-message">There is no table “{table}” in “{application}”.</p>
      ) : (
        <section className="panel-card">
          <h2 className="panel-card-title">Columns</h2>
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Type</th>
              </tr>
            </thead>
            <tbody>
              {found.columns.map((column) => (
                <tr key={column.name}>
                  <td>{column.name}</td>
                  <td>
                    <code>{column.type}</code>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <p className="panel-card-note">{found.rowCount} rows.</p>
          <Button onPress={() => navigate({ view: 'home' })}>Back to the workspace</Button>
        </section>
      )}
    </div>
  );
}
