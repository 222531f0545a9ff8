import { BaseEdge, EdgeLabelRenderer, getBezierPath, type EdgeProps } from '@xyflow/react';
import { memo } from 'react';
import { useFlowEditor } from '../flow-store-context.js';
import type { CanvasEdge } from '../flow-model.js';
import { useEdgeRunCount } from '../run-view/use-run-on-canvas.js';

/** A connection, marked with its problems (an unknown point, a dangling end) when it has any. */
function ActionflowEdgeView({ id, sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition, selected, markerEnd }: EdgeProps<CanvasEdge>) {
  const problems = useFlowEditor((state) => state.problems.byEdge[id] ?? []);
  const records = useEdgeRunCount(id);
  const [path, labelX, labelY] = getBezierPath({ sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition });
  const run = records === undefined ? null : records > 0 ? 'is-run-taken' : 'is-run-idle';
  const className = ['flow-edge', selected && 'is-selected', problems.length > 0 && 'is-invalid', run].filter(Boolean).join(' ');
  return (
    <>
      <BaseEdge id={id} path={path} className={className} {...(markerEnd ? { markerEnd } : {})} interactionWidth={24} />
      {records !== undefined && problems.length === 0 && (
        <EdgeLabelRenderer>
          <div
            className={`flow-edge-count nodrag nopan ${run}`}
            style={{ transform: `translate(-50%, -50%) translate(${labelX}px, ${labelY}px)` }}
            data-testid={`edge-count-${id}`}
            role="img"
            aria-label={`${records} record${records === 1 ? '' : 's'} crossed this connection`}
          >
            {records}
          </div>
        </EdgeLabelRenderer>
      )}
      {problems.length > 0 && (
        <EdgeLabelRenderer>
          <div
            className="flow-edge-problem nodrag nopan"
            style={{ transform: `translate(-50%, -50%) translate(${labelX}px, ${labelY}px)` }}
            title={problems.join('\n')}
            role="img"
            aria-label={`Connection problem: ${problems.join('; ')}`}
          >
            !
          </div>
        </EdgeLabelRenderer>
      )}
    </>
  );
}

export const ActionflowEdge = memo(ActionflowEdgeView);
