import { useMemo } from 'react';
import { useStudioStore } from '../../state/studio-store.js';
import { useFlowEditor } from '../flow-store-context.js';
import { FlowSettings } from './FlowSettings.js';
import { FormContext, type FormContextValue } from './form-context.js';
import { NodeProperties } from './NodeProperties.js';

/** The right-hand panel: the selected node's settings, or the flow's and endpoint's when none is selected. */
export function PropertiesPanel() {
  const { application, problems, selectedIds, beginEdit, endEdit } = useFlowEditor((state) => ({
    application: state.application,
    problems: state.problems.all,
    selectedIds: state.nodes
      .filter((node) => node.selected)
      .map((node) => node.id)
      .join('\n'),
    beginEdit: state.beginEdit,
    endEdit: state.endEdit,
  }));
  const workspace = useStudioStore((state) => state.workspace);
  const context = useMemo<FormContextValue>(
    () => ({ application, workspace, problems, beginEdit, endEdit }),
    [application, workspace, problems, beginEdit, endEdit],
  );
  const selected = selectedIds ? selectedIds.split('\n') : [];

  return (
    <aside className="properties" aria-label="Properties">
      <FormContext.Provider value={context}>
        {selected.length === 1 ? (
          <NodeProperties key={selected[0]} nodeId={selected[0]!} />
        ) : (
          <>
            {selected.length > 1 && <p className="properties-note">{selected.length} nodes selected.</p>}
            <FlowSettings />
          </>
        )}
      </FormContext.Provider>
    </aside>
  );
}
