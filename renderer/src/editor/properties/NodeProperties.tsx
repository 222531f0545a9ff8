import { useMemo } from 'react';
import { findNodeType } from '../../../../shared/node-types/registry.js';
import { TextInput } from '../../ui/fields.js';
import { categoryClass } from '../canvas/ActionflowNodeView.js';
import { NodeIcon } from '../canvas/NodeIcon.js';
import { useFlowEditor } from '../flow-store-context.js';
import { NodeRunRecords } from '../run-view/NodeRunRecords.js';
import { PreviewRecordContext } from '../run-view/preview-record.js';
import { useNodeRun } from '../run-view/use-run-on-canvas.js';
import { ConfigForm } from './ConfigForm.js';
import { problemAt, useFormContext } from './form-context.js';

/** The settings of one node: its name, then a form generated from its type's config schema. */
export function NodeProperties({ nodeId }: { nodeId: string }) {
  // The node's data, not the node: a drag changes the node's position on every frame, never its data,
  // so the form (with its code editors) does not re-render while the node moves.
  const { data, index, updateNode } = useFlowEditor((state) => {
    const index = state.nodes.findIndex((candidate) => candidate.id === nodeId);
    return { data: state.nodes[index]?.data, index, updateNode: state.updateNode };
  });
  const { problems, beginEdit, endEdit } = useFormContext();
  const run = useNodeRun(nodeId);
  const first = run?.input[0];
  // One object per record, so the previews ask again only when the record changes.
  const preview = useMemo(() => (first === undefined ? undefined : { record: first }), [first]);
  if (!data) return null;
  const declaration = findNodeType(data.type);
  const path = ['nodes', index];
  const nodeProblems = problems.filter((problem) => problem.nodeId === nodeId);

  return (
    <div className="node-properties" data-testid="node-properties">
      <header className={`properties-header ${categoryClass(declaration?.category)}`}>
        <span className="properties-icon">
          <NodeIcon path={declaration?.icon} size={18} />
        </span>
        <div>
          <h2 className="properties-title">{declaration?.label ?? `Unknown type “${data.type}”`}</h2>
          <p className="properties-subtitle">{declaration?.description ?? 'This version does not know this node type; it is kept as it is.'}</p>
        </div>
      </header>
      <NodeRunRecords nodeId={nodeId} />
      <TextInput
        label={data.type === 'output' ? 'Name (the output’s key in $.data)' : 'Name'}
        value={data.name}
        onChange={(name) => updateNode(nodeId, { name })}
        onFocus={beginEdit}
        onBlur={endEdit}
        error={problemAt(problems, [...path, 'name'])}
      />
      {declaration && (
        <PreviewRecordContext.Provider value={preview}>
          <ConfigForm schema={declaration.configSchema} value={data.config} onChange={(config) => updateNode(nodeId, { config })} path={[...path, 'config']} />
        </PreviewRecordContext.Provider>
      )}
      {nodeProblems.length > 0 && (
        <ul className="properties-problems" aria-label="Problems of this node">
          {nodeProblems.map((problem) => (
            <li key={`${problem.path}:${problem.message}`}>{problem.message}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
