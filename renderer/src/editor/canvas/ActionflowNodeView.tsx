import { Handle, Position, type NodeProps } from '@xyflow/react';
import { memo, useMemo } from 'react';
import { findNodeType } from '../../../../shared/node-types/registry.js';
import { useFlowEditor } from '../flow-store-context.js';
import type { CanvasEdge, CanvasNode } from '../flow-model.js';
import { useNodeRun } from '../run-view/use-run-on-canvas.js';
import { NodeIcon } from './NodeIcon.js';
import { nodeSummary } from './node-summary.js';

/** The class that colours a node by its palette category. */
export const categoryClass = (category: string | undefined) => `cat-${(category ?? 'unknown').toLowerCase()}`;

/**
 * Draws every node type from its declaration: icon, name, type, a summary of its settings, and one
 * labelled handle per connection point. A type this version does not know keeps the points its
 * connections use, so nothing is lost.
 */
function ActionflowNodeView({ id, data, selected }: NodeProps<CanvasNode>) {
  const declaration = findNodeType(data.type);
  // One subscription a node (300 nodes are drawn at once): its problems, its warnings, and for a type this version
  // does not know, the points its connections use (as one string, so that an equal list does not re-render it).
  const [problems, warnings, pointsUsed] = useFlowEditor((state) => [
    state.problems.byNode[id] ?? NONE,
    state.problems.warningsByNode[id] ?? NONE,
    declaration ? '' : pointsUsedBy(state.edges, id),
  ]);
  const usedPoints = pointsUsed ? pointsUsed.split('\n') : NONE;
  const inputs = declaration ? declaration.inputs : unique(usedPoints.filter((p) => p.startsWith('in:')).map((p) => p.slice(3)));
  const outputs = declaration ? declaration.outputs : unique(usedPoints.filter((p) => p.startsWith('out:')).map((p) => p.slice(4)));
  // The dragged node re-renders on every frame with the same settings.
  const summary = useMemo(() => (declaration ? nodeSummary(declaration, data.config) : []), [declaration, data.config]);
  const labelled = outputs.length > 1;
  const run = useNodeRun(id);
  const failed = run ? run.errorCount > 0 : false;

  const classes = [
    'flow-node',
    categoryClass(declaration?.category),
    selected && 'is-selected',
    problems.length > 0 && 'is-invalid',
    problems.length === 0 && warnings.length > 0 && 'has-warning',
    !declaration && 'is-unknown',
    run === null && 'is-run-idle',
    failed && 'has-run-error',
  ];
  return (
    <div className={classes.filter(Boolean).join(' ')} data-testid={`node-${id}`} data-node-type={data.type} aria-invalid={problems.length > 0 || undefined}>
      {inputs.map((point, index) => (
        <Handle
          key={point}
          id={point}
          type="target"
          position={Position.Left}
          className="flow-handle flow-handle-in"
          style={handleOffset(index, inputs.length)}
          role="img"
          aria-label={`${data.name} input ${point}`}
        />
      ))}
      <header className="flow-node-header">
        <span className="flow-node-icon">
          <NodeIcon path={declaration?.icon} />
        </span>
        <span className="flow-node-titles">
          <span className="flow-node-name">{data.name}</span>
          <span className="flow-node-type">{declaration ? declaration.label : `Unknown type “${data.type}”`}</span>
        </span>
        {problems.length > 0 && (
          <span
            className="flow-node-problem"
            role="img"
            title={problems.join('\n')}
            aria-label={`${problems.length} problem${problems.length > 1 ? 's' : ''}: ${problems.join('; ')}`}
          >
            {problems.length}
          </span>
        )}
        {problems.length === 0 && warnings.length > 0 && (
          <span
            className="flow-node-warning"
            role="img"
            title={warnings.join('\n')}
            aria-label={`${warnings.length} warning${warnings.length > 1 ? 's' : ''}: ${warnings.join('; ')}`}
          >
            !
          </span>
        )}
      </header>
      {summary.length > 0 && (
        <dl className="flow-node-summary">
          {summary.map((line) => (
            <div key={line.label} className="flow-node-summary-line">
              <dt>{line.label}</dt>
              <dd className={line.code ? 'is-code' : undefined}>{line.value}</dd>
            </div>
          ))}
        </dl>
      )}
      {run && (
        <div className="flow-node-run" data-testid={`node-run-${id}`}>
          <span>
            in {run.inputCount} · out {run.outputCount}
          </span>
          {failed && (
            <span className="flow-node-run-error" title={run.error ?? undefined}>
              {run.errorCount} failed: {run.error}
            </span>
          )}
        </div>
      )}
      {labelled ? (
        <div className="flow-node-ports">
          {outputs.map((point) => (
            <div key={point} className={`flow-node-port port-${point}`}>
              <span className="flow-node-port-label">{point}</span>
              <Handle
                id={point}
                type="source"
                position={Position.Right}
                className={`flow-handle flow-handle-out handle-${point}`}
                role="img"
                aria-label={`${data.name} output ${point}`}
              />
            </div>
          ))}
        </div>
      ) : (
        outputs.map((point) => (
          <Handle
            key={point}
            id={point}
            type="source"
            position={Position.Right}
            className="flow-handle flow-handle-out"
            role="img"
            aria-label={`${data.name} output ${point}`}
          />
        ))
      )}
    </div>
  );
}

const NONE: readonly string[] = [];

/** The points of node `id` that connections use, `in:<point>` or `out:<point>`, one a line. */
function pointsUsedBy(edges: readonly CanvasEdge[], id: string): string {
  return edges
    .flatMap((edge) => (edge.target === id ? [`in:${edge.targetHandle ?? 'in'}`] : edge.source === id ? [`out:${edge.sourceHandle ?? 'out'}`] : []))
    .join('\n');
}

function unique(values: string[]): string[] {
  return [...new Set(values)];
}

/** Spreads several input handles down the left edge (most types have one, centred). */
function handleOffset(index: number, count: number) {
  return count > 1 ? { top: `${((index + 1) / (count + 1)) * 100}%` } : undefined;
}

export const ActionflowNode = memo(ActionflowNodeView);
