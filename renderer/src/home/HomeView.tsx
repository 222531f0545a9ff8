import { Download, FileUp, FolderPlus, Zap } from 'lucide-react';
import { useEffect } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useStudioStore } from '../state/studio-store.js';
import { exportToFile } from '../transfer/export-to-file.js';
import { ActionMenu } from '../ui/ActionMenu.js';
import { Button } from '../ui/Button.js';
import { ApplicationCard } from './ApplicationCard.js';
import { DeleteDialog } from './DeleteDialog.js';
import { NameDialog } from './NameDialog.js';
import { useHomeDialogs } from './use-home-dialogs.js';

/** The home: every application with its actionflows and tables. */
export function HomeView() {
  const { workspace, workspaceError, newEndpointRequested, requestNewEndpoint, setImportOpen } = useStudioStore(
    useShallow((state) => ({
      workspace: state.workspace,
      workspaceError: state.workspaceError,
      newEndpointRequested: state.newEndpointRequested,
      requestNewEndpoint: state.requestNewEndpoint,
      setImportOpen: state.setImportOpen,
    })),
  );
  const dialogs = useHomeDialogs();
  const ready = Boolean(workspace?.applications.length);
  // The desktop menu's "New API Endpoint" opens the same dialog as the button, once there is an application to put it in.
  useEffect(() => {
    if (!newEndpointRequested || !ready) return;
    requestNewEndpoint(false);
    dialogs.newEndpoint();
  }, [newEndpointRequested, ready, requestNewEndpoint, dialogs]);
  const flowCount = workspace?.applications.reduce((sum, app) => sum + app.actionflows.length, 0) ?? 0;
  const endpointCount = workspace?.applications.reduce((sum, app) => sum + app.actionflows.filter((flow) => flow.api?.enabled).length, 0) ?? 0;

  return (
    <div className="home">
      <header className="home-header">
        <div>
          <h1 className="home-title">Workspace</h1>
          {workspace && (
            <p className="home-subtitle">
              {workspace.applications.length} application{workspace.applications.length === 1 ? '' : 's'} · {flowCount} actionflow{flowCount === 1 ? '' : 's'} ·{' '}
              {endpointCount} live endpoint
              {endpointCount === 1 ? '' : 's'}
            </p>
          )}
        </div>
        <div className="home-actions">
          <ActionMenu
            label="Import and export"
            actions={[
              { id: 'import', label: 'Import a file…', icon: <FileUp size={14} />, run: () => setImportOpen(true) },
              { id: 'export', label: 'Export the workspace…', icon: <Download size={14} />, run: () => void exportToFile() },
            ]}
          />
          <Button icon={<FolderPlus size={15} />} onPress={dialogs.newApplication}>
            New application
          </Button>
          <Button variant="primary" icon={<Zap size={15} />} onPress={() => dialogs.newEndpoint()} isDisabled={!workspace?.applications.length}>
            New API Endpoint
          </Button>
        </div>
      </header>
      {!workspace && !workspaceError && <p className="view-message">Loading the workspace…</p>}
      {!workspace && workspaceError && (
        <p className="view-message" role="alert">
          Could not load the workspace: {workspaceError}
        </p>
      )}
      {workspace?.applications.length === 0 && (
        <div className="empty-state">
          <h2>No applications yet</h2>
          <p>An application holds actionflows and tables. Create one to start drawing an API.</p>
          <Button variant="primary" icon={<FolderPlus size={15} />} onPress={dialogs.newApplication}>
            New application
          </Button>
        </div>
      )}
      <div className="app-cards">
        {workspace?.applications.map((app) => (
          <ApplicationCard key={app.name} app={app} dialogs={dialogs} />
        ))}
      </div>
      <NameDialog request={dialogs.nameRequest} onClose={dialogs.closeName} />
      <DeleteDialog request={dialogs.deleteRequest} onClose={dialogs.closeDelete} />
    </div>
  );
}
