import { Download, FileUp } from 'lucide-react';
import { useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useStudioStore } from '../state/studio-store.js';
import { exportToFile } from '../transfer/export-to-file.js';
import { Button } from '../ui/Button.js';
import { Choice } from '../ui/fields.js';
import { SectionHeader } from './SectionHeader.js';

const WHOLE_WORKSPACE = '\u0000workspace';

/** Export the workspace or an application to a file; import one. */
export function TransferSection() {
  const { workspace, setImportOpen } = useStudioStore(useShallow((state) => ({ workspace: state.workspace, setImportOpen: state.setImportOpen })));
  const [what, setWhat] = useState(WHOLE_WORKSPACE);
  const [busy, setBusy] = useState(false);
  const options = [
    { id: WHOLE_WORKSPACE, label: 'The whole workspace' },
    ...(workspace?.applications ?? []).map((app) => ({ id: app.name, label: `Application “${app.name}”` })),
  ];
  const run = async () => {
    setBusy(true);
    await exportToFile(what === WHOLE_WORKSPACE ? {} : { application: what });
    setBusy(false);
  };
  return (
    <>
      <SectionHeader
        title="Export and import"
        description="Workspace files carry applications, actionflows, tables with their rows, and users, groups, roles and secret key names. Never secret values, API keys or the keystore."
      />
      <section className="panel-card">
        <h3 className="panel-card-title">Export</h3>
        <p className="panel-card-note">
          Saves the stored versions as a file (edits not saved yet are not in it). One actionflow is exported from its menu on the home or the canvas, with the
          tables and flows it uses.
        </p>
        <div className="transfer-row">
          <Choice label="What to export" value={what} options={options} onChange={setWhat} />
          <Button variant="primary" icon={<Download size={15} />} onPress={() => void run()} isDisabled={busy}>
            Export…
          </Button>
        </div>
      </section>
      <section className="panel-card">
        <h3 className="panel-card-title">Import</h3>
        <p className="panel-card-note">
          Everything in the file is checked first; a file with any problem changes nothing. You see what would change before anything does.
        </p>
        <Button variant="primary" icon={<FileUp size={15} />} onPress={() => setImportOpen(true)}>
          Import a file…
        </Button>
      </section>
    </>
  );
}
