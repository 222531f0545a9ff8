import { FileUp } from 'lucide-react';
import { FileTrigger, Label, Radio, RadioGroup } from 'react-aria-components';
import { useShallow } from 'zustand/react/shallow';
import { ON_CONFLICT, type ImportSummary, type OnConflict } from '../../../shared/dto/workspace.dto.js';
import { desktopApi } from '../session/read-session.js';
import { useStudioStore } from '../state/studio-store.js';
import { Button } from '../ui/Button.js';
import { Dialog } from '../ui/Dialog.js';
import { notify } from '../ui/notifications.js';
import { ImportChanges, ImportProblems } from './ImportChanges.js';
import { chosenFile, useImport, type ImportState } from './use-import.js';

const RULES: Record<OnConflict, [label: string, description: string]> = {
  fail: ['Refuse the file', 'If any actionflow, table, user, group, role or secret key of the file already exists, nothing is imported.'],
  replace: ['Replace what is there', 'Items of the same name are overwritten by the file’s.'],
  rename: ['Import under a free name', 'Clashing items get a new name (e.g. “Lookup (2)”); references inside the file follow.'],
  skip: ['Keep what is there', 'Clashing items of the file are left out.'],
};

/** Picks a workspace file: the native open dialog in the desktop app, a file input in the browser. */
function FilePicker({ onChosen, hasFile }: { onChosen: (name: string, text: string) => void; hasFile: boolean }) {
  const label = hasFile ? 'Choose another file…' : 'Choose a file…';
  const desktop = desktopApi();
  if (desktop) {
    return (
      <Button icon={<FileUp size={15} />} onPress={() => void desktop.openWorkspaceFile().then((file) => file && onChosen(file.name, file.text))} autoFocus>
        {label}
      </Button>
    );
  }
  return (
    <FileTrigger
      acceptedFileTypes={['.json', 'application/json']}
      onSelect={(files) => {
        const file = files?.[0];
        if (!file) return;
        file.text().then(
          (text) => onChosen(file.name, text),
          () => notify({ tone: 'error', title: `Could not read “${file.name}”` }),
        );
      }}
    >
      <Button icon={<FileUp size={15} />} autoFocus>
        {label}
      </Button>
    </FileTrigger>
  );
}

/** Whether an import creates, replaces or renames anything (merging and skipping alone change nothing). */
function changesSomething(summary: ImportSummary): boolean {
  return summary.changes.some((change) => change.action !== 'skipped' && change.action !== 'merged');
}

function Outcome({ state, fileName }: { state: ImportState; fileName: string }) {
  switch (state.step) {
    case 'choose':
      return (
        <p>
          A workspace file, as written by Export or <code>actionflow export</code>. Nothing changes before you confirm.
        </p>
      );
    case 'checking':
      return <p role="status">Checking “{fileName}”…</p>;
    case 'importing':
      return <p role="status">Importing “{fileName}”…</p>;
    case 'preview':
      return (
        <>
          <p role="status">
            {changesSomething(state.summary)
              ? `Importing “${fileName}” will make these changes:`
              : `Importing “${fileName}” this way would change nothing: every item is kept as it is.`}
          </p>
          <ImportChanges summary={state.summary} />
        </>
      );
    case 'done':
      return (
        <>
          <p role="status" className="import-done">
            Imported “{fileName}”.
          </p>
          <ImportChanges summary={state.summary} />
        </>
      );
    case 'refused':
      return (
        <div role="alert" className="import-refused">
          <p className="field-error">{state.message}</p>
          {state.clash && <p>Choose another way to handle names that are taken to import it anyway.</p>}
          <ImportProblems problems={state.problems} />
        </div>
      );
  }
}

/** Import from a file: choose it, choose what happens to names already taken, see what would change, confirm, see what changed. */
export function ImportDialog() {
  const { isOpen, setOpen } = useStudioStore(useShallow((state) => ({ isOpen: state.importOpen, setOpen: state.setImportOpen })));
  const { file, onConflict, state, choose, changeRule, confirm, reset } = useImport();
  const close = () => {
    reset();
    setOpen(false);
  };
  const done = state.step === 'done';
  const canImport = state.step === 'preview' && changesSomething(state.summary);

  return (
    <Dialog
      title="Import a workspace file"
      size="lg"
      isOpen={isOpen}
      onOpenChange={(open) => !open && close()}
      actions={
        done ? (
          <Button variant="primary" onPress={close}>
            Close
          </Button>
        ) : (
          <>
            <Button onPress={close}>Cancel</Button>
            <Button variant="primary" isDisabled={!canImport} onPress={confirm}>
              Import
            </Button>
          </>
        )
      }
    >
      {!done && (
        <div className="import-choices">
          <div className="field">
            <span className="field-label">File</span>
            <div className="import-file">
              <FilePicker hasFile={file !== null} onChosen={(name, text) => choose(chosenFile(name, text))} />
              {file && (
                <span className="import-file-name" data-testid="import-file-name">
                  {file.name}
                </span>
              )}
            </div>
          </div>
          <RadioGroup className="field" value={onConflict} onChange={(value) => changeRule(value as OnConflict)}>
            <Label className="field-label">When a name is already taken</Label>
            <div className="radio-list">
              {ON_CONFLICT.map((rule) => (
                <Radio key={rule} value={rule} className="radio">
                  <span className="radio-circle" aria-hidden="true" />
                  <span className="radio-text">
                    <span className="radio-label">{RULES[rule][0]}</span>
                    <span className="field-description">{RULES[rule][1]}</span>
                  </span>
                </Radio>
              ))}
            </div>
          </RadioGroup>
        </div>
      )}
      <div className="import-outcome">
        <Outcome state={state} fileName={file?.name ?? ''} />
      </div>
    </Dialog>
  );
}
