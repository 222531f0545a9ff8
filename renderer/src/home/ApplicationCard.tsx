import { Copy, Download, FilePlus2, Pencil, Plug, Table2, Trash2, Workflow, Zap } from 'lucide-react';
import type { ApplicationSummary, FlowSummary } from '../../../shared/dto/workspace.dto.js';
import { useStudioStore } from '../state/studio-store.js';
import { exportToFile } from '../transfer/export-to-file.js';
import { ActionMenu } from '../ui/ActionMenu.js';
import { Button } from '../ui/Button.js';
import { ItemRow } from './ItemRow.js';
import type { HomeDialogs } from './use-home-dialogs.js';

const relativeTime = new Intl.RelativeTimeFormat(undefined, { numeric: 'auto' });

/** "3 minutes ago" for a timestamp. */
function ago(iso: string): string {
  const seconds = (new Date(iso).getTime() - Date.now()) / 1000;
  const steps: [Intl.RelativeTimeFormatUnit, number][] = [
    ['second', 60],
    ['minute', 60],
    ['hour', 24],
    ['day', 30],
    ['month', 12],
    ['year', Infinity],
  ];
  let value = seconds;
  for (const [unit, size] of steps) {
    if (Math.abs(value) < size) return relativeTime.format(Math.round(value), unit);
    value /= size;
  }
  return iso;
}

function FlowBadges({ flow }: { flow: FlowSummary }) {
  if (!flow.api) return null;
  return (
    <span className="badges">
      {!flow.api.enabled && <span className="badge badge-muted">Disabled</span>}
      <span className="badge">{flow.api.mode === 'async' ? 'Async' : 'Sync'}</span>
      {flow.api.allowAnonymous ? <span className="badge badge-accent">Anonymous</span> : <span className="badge">API key</span>}
    </span>
  );
}

/** One application on the home: its actionflows (endpoints with their own icon) and its tables. */
export function ApplicationCard({ app, dialogs }: { app: ApplicationSummary; dialogs: HomeDialogs }) {
  const navigate = useStudioStore((state) => state.navigate);
  const open = (flow: FlowSummary) => navigate({ view: 'flow', application: app.name, flow: flow.name });

  return (
    <section className="app-card" aria-labelledby={`app-${app.name}`} data-testid={`application-${app.name}`}>
      <header className="app-card-header">
        <div>
          <h2 id={`app-${app.name}`} className="app-card-title">
            {app.name}
          </h2>
          {app.description && <p className="app-card-description">{app.description}</p>}
        </div>
        <div className="app-card-actions">
          <Button size="sm" variant="secondary" icon={<Zap size={14} />} onPress={() => dialogs.newEndpoint(app.name)}>
            New API Endpoint
          </Button>
          <ActionMenu
            label={`Actions for application ${app.name}`}
            actions={[
              { id: 'flow', label: 'New actionflow', icon: <FilePlus2 size={14} />, run: () => dialogs.newFlow(app.name) },
              { id: 'table', label: 'New table', icon: <Table2 size={14} />, run: () => dialogs.newTable(app.name) },
              { id: 'export', label: 'Export…', icon: <Download size={14} />, separated: true, run: () => void exportToFile({ application: app.name }) },
              { id: 'rename', label: 'Rename…', icon: <Pencil size={14} />, separated: true, run: () => dialogs.renameApplication(app) },
              { id: 'delete', label: 'Delete…', icon: <Trash2 size={14} />, danger: true, run: () => dialogs.deleteApplication(app) },
            ]}
          />
        </div>
      </header>
      <div className="app-card-columns">
        <div className="app-card-column">
          <h3 className="column-title">
            Actionflows <span className="count">{app.actionflows.length}</span>
          </h3>
          {app.actionflows.length === 0 && <p className="empty-line">No actionflows yet.</p>}
          <ul className="item-list">
            {app.actionflows.map((flow) => (
              <ItemRow
                key={flow.name}
                testId={`flow-${flow.name}`}
                kind={flow.api ? 'is-endpoint' : 'is-flow'}
                icon={flow.api ? <Plug size={15} aria-label="API endpoint" /> : <Workflow size={15} aria-label="Actionflow" />}
                name={flow.name}
                description={flow.description}
                route={{ view: 'flow', application: app.name, flow: flow.name }}
              >
                <FlowBadges flow={flow} />
                <span className="item-meta" title={new Date(flow.updatedAt).toLocaleString()}>
                  {ago(flow.updatedAt)}
                </span>
                <ActionMenu
                  label={`Actions for ${flow.name}`}
                  actions={[
                    { id: 'open', label: 'Open', icon: <Workflow size={14} />, run: () => open(flow) },
                    { id: 'rename', label: 'Rename…', icon: <Pencil size={14} />, run: () => dialogs.renameFlow(app.name, flow) },
                    { id: 'duplicate', label: 'Duplicate', icon: <Copy size={14} />, run: () => void dialogs.duplicateFlow(app.name, flow) },
                    {
                      id: 'export',
                      label: 'Export…',
                      icon: <Download size={14} />,
                      run: () => void exportToFile({ application: app.name, actionflow: flow.name }),
                    },
                    {
                      id: 'delete',
                      label: 'Delete…',
                      icon: <Trash2 size={14} />,
                      danger: true,
                      separated: true,
                      run: () => dialogs.deleteFlow(app.name, flow),
                    },
                  ]}
                />
              </ItemRow>
            ))}
          </ul>
        </div>
        <div className="app-card-column app-card-tables">
          <h3 className="column-title">
            Tables <span className="count">{app.tables.length}</span>
          </h3>
          {app.tables.length === 0 && <p className="empty-line">No tables yet.</p>}
          <ul className="item-list">
            {app.tables.map((table) => (
              <ItemRow
                key={table.name}
                testId={`table-${table.name}`}
                kind="is-table"
                icon={<Table2 size={15} aria-hidden="true" />}
                name={table.name}
                description={`${table.columns.length} columns · ${table.rowCount} rows`}
                route={{ view: 'table', application: app.name, table: table.name }}
              >
                <ActionMenu
                  label={`Actions for table ${table.name}`}
                  actions={[
                    { id: 'rename', label: 'Rename…', icon: <Pencil size={14} />, run: () => dialogs.renameTable(app.name, table) },
                    { id: 'delete', label: 'Delete…', icon: <Trash2 size={14} />, danger: true, run: () => dialogs.deleteTable(app.name, table) },
                  ]}
                />
              </ItemRow>
            ))}
          </ul>
        </div>
      </div>
    </section>
  );
}
