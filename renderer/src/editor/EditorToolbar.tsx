import { useReactFlow } from '@xyflow/react';
import { Download, Maximize, Redo2, Save, Undo2, Workflow } from 'lucide-react';
import { Breadcrumbs } from '../app/Breadcrumbs.js';
import { exportToFile } from '../transfer/export-to-file.js';
import { Button, IconButton } from '../ui/Button.js';
import { useFlowEditor, useFlowHistory } from './flow-store-context.js';

const MOD = typeof navigator !== 'undefined' && /Mac/.test(navigator.platform) ? '⌘' : 'Ctrl+';

/** Above the canvas: where you are, whether there are unsaved changes, undo/redo, layout, save. */
export function EditorToolbar({ onSave }: { onSave: () => void }) {
  const { application, name, savedName, dirty, saving, problemCount, undo, redo, autoLayout, isEndpoint, disabled } = useFlowEditor((state) => ({
    application: state.application,
    savedName: state.savedName,
    name: state.name,
    dirty: state.dirty,
    saving: state.saving,
    problemCount: state.problems.all.length,
    undo: state.undo,
    redo: state.redo,
    autoLayout: state.autoLayout,
    isEndpoint: state.api !== undefined,
    disabled: state.api?.enabled === false,
  }));
  const { canUndo, canRedo } = useFlowHistory((history) => ({ canUndo: history.pastStates.length > 0, canRedo: history.futureStates.length > 0 }));
  const { fitView } = useReactFlow();

  return (
    <div className="editor-toolbar" role="toolbar" aria-label="Flow">
      <Breadcrumbs
        application={application}
        after={
          <>
            {disabled && (
              <span className="disabled-badge" data-testid="endpoint-disabled" title="A disabled endpoint answers 404">
                Disabled
              </span>
            )}
            {dirty && (
              <span className="unsaved-badge" data-testid="unsaved">
                Unsaved
              </span>
            )}
          </>
        }
      >
        {isEndpoint && <span className="endpoint-dot" title="API endpoint" role="img" aria-label="API endpoint" />}
        {name}
      </Breadcrumbs>
      <div className="toolbar-group">
        <IconButton label="Undo" shortcut={`${MOD}Z`} icon={<Undo2 size={16} />} isDisabled={!canUndo} onPress={undo} />
        <IconButton label="Redo" shortcut={`${MOD}Shift+Z`} icon={<Redo2 size={16} />} isDisabled={!canRedo} onPress={redo} />
        <span className="toolbar-separator" aria-hidden="true" />
        <IconButton
          label="Auto-layout"
          shortcut="Shift+L"
          icon={<Workflow size={16} />}
          onPress={() => {
            autoLayout();
            requestAnimationFrame(() => void fitView({ padding: 0.25, duration: 200 }));
          }}
        />
        <IconButton label="Fit view" shortcut="F" icon={<Maximize size={16} />} onPress={() => void fitView({ padding: 0.25, duration: 200 })} />
        <IconButton
          label={dirty ? 'Export the saved version of this flow' : 'Export this flow'}
          icon={<Download size={16} />}
          onPress={() => void exportToFile({ application, actionflow: savedName })}
        />
        <span className="toolbar-separator" aria-hidden="true" />
        {problemCount > 0 && (
          <span className="problem-count" title="See the Problems tab under the canvas">
            {problemCount} problem{problemCount > 1 ? 's' : ''}
          </span>
        )}
        <Button variant="primary" icon={<Save size={15} />} onPress={onSave} isDisabled={saving || !dirty}>
          {saving ? 'Saving…' : 'Save'}
        </Button>
      </div>
    </div>
  );
}
