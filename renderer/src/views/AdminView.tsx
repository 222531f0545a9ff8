import { useEffect } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { DEFAULT_INSTANCE } from '../../../shared/urls.js';
import { useStudioStore } from '../state/studio-store.js';

/** The server's settings as the designer sees them. The place for users, roles, keys, secrets, export and import. */
export function AdminView() {
  const { settings, serverUrl, loadSettings } = useStudioStore(useShallow((state) => ({ settings: state.settings, serverUrl: state.serverUrl, loadSettings: state.loadSettings })));
  useEffect(() => void loadSettings(), [loadSettings]);
  const rows: [string, string][] = [
    ['Server', serverUrl],
    ['Instance name', settings?.instance ?? DEFAULT_INSTANCE],
    ['Public base URL', settings?.publicBaseUrl ?? 'not set: copied URLs use the server’s address'],
  ];
  return (
    <div className="page">
      <header className="page-header">
        <h1 className="home-title">Admin</h1>
      </header>
      <section className="panel-card">
        <h2 className="panel-card-title">Server</h2>
        <dl className="settings-list">
          {rows.map(([label, value]) => (
            <div key={label}>
              <dt>{label}</dt>
              <dd>{value}</dd>
            </div>
          ))}
        </dl>
      </section>
    </div>
  );
}
