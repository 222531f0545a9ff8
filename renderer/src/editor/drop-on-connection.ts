import { findNodeType } from '../../../shared/node-types/registry.js';
import { DEFAULT_NODE_SIZE } from './auto-layout.js';
import { CANVAS_EDGE_TYPE, type CanvasEdge, type CanvasNode } from './flow-model.js';
import { numberedId } from './naming.js';

const boxOf = (node: CanvasNode) => ({
  x: node.position.x,
  y: node.position.y,
  width: node.measured?.width ?? DEFAULT_NODE_SIZE.width,
  height: node.measured?.height ?? DEFAULT_NODE_SIZE.height,
});

/**
 * The connections once node `nodeId` (just dropped, connected to nothing, with an input and an
 * output) is put into the connection whose middle it covers: from its source to the node's first
 * input, and from the node's first output to its target. Null when it covers none.
 */
export function spliceIntoConnection(nodes: readonly CanvasNode[], edges: readonly CanvasEdge[], nodeId: string): CanvasEdge[] | null {
  const node = nodes.find((candidate) => candidate.id === nodeId);
  const declaration = node && findNodeType(node.data.type);
  if (!node || !declaration || declaration.inputs.length === 0 || declaration.outputs.length === 0) return null;
  if (edges.some((edge) => edge.source === nodeId || edge.target === nodeId)) return null;
  const box = boxOf(node);
  const byId = new Map(nodes.map((candidate) => [candidate.id, candidate]));
  const covered = edges.find((edge) => {
    const source = byId.get(edge.source);
    const target = byId.get(edge.target);
    if (!source || !target) return false;
    // A connection is drawn from the right of its source to the left of its target; its curve passes through the middle of the two.
    const from = boxOf(source);
    const to = boxOf(target);
    const middle = { x: (from.x + from.width + to.x) / 2, y: (from.y + from.height / 2 + to.y + to.height / 2) / 2 };
    return middle.x >= box.x && middle.x <= box.x + box.width && middle.y >= box.y && middle.y <= box.y + box.height;
  });
  if (!covered) return null;
  const taken = new Set(edges.map((edge) => edge.id));
  const before: CanvasEdge = {
    id: covered.id,
    type: CANVAS_EDGE_TYPE,
    source: covered.source,
    sourceHandle: covered.sourceHandle ?? null,
    target: nodeId,
    targetHandle: declaration.inputs[0]!,
  };
  const after: CanvasEdge = {
    id: numberedId('c', taken),
    type: CANVAS_EDGE_TYPE,
    source: nodeId,
    sourceHandle: declaration.outputs[0]!,
    target: covered.target,
    targetHandle: covered.targetHandle ?? null,
  };
  return [...edges.filter((edge) => edge !== covered), before, after];
}
