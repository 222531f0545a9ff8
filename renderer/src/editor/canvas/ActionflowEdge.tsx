import { BaseEdge, EdgeLabelRenderer, getBezierPath, type EdgeProps } from '@xyflow/react';
import { memo } from 'react';
import { useFlowEditor } from '../flow-store-context.js';
import type { CanvasEdge } from '../flow-model.js';

/** A connection, marked with its problems (an unknown point, a dangling end) when it has any. */
function ActionflowEdgeView({ id, sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition, selected, markerEnd }: EdgeProps<CanvasEdge>) {
  const problems = useFlowEditor((state) => state.problems.byEdge[id] ?? []);
  const [path, labelX, labelY] = getBezierPath({ sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition });
  const className = ['flow-edge', selected && 'is-selected', problems.length > 0 && 'is-invalid'].filter(Boolean).join(' ');
  return (
    <>
      <BaseEdge id={id} path={path} className={className} {...(markerEnd ? { markerEnd } : {})} interactionWidth={24} />
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
