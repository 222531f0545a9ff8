import dagre from '@dagrejs/dagre';
import { findNodeType } from '../../../shared/node-types/registry.js';
import type { CanvasEdge, CanvasNode } from './flow-model.js';

/** Used for nodes the canvas has not measured yet. */
export const DEFAULT_NODE_SIZE = { width: 208, height: 76 };

/** Positions for every node, left to right along the connections (dagre), keeping each node's size. */
export function layoutPositions(nodes: readonly CanvasNode[], edges: readonly CanvasEdge[]): Map<string, { x: number; y: number }> {
  const graph = new dagre.graphlib.Graph();
  graph.setGraph({ rankdir: 'LR', nodesep: 48, ranksep: 96, marginx: 0, marginy: 0 });
  graph.setDefaultEdgeLabel(() => ({}));
  for (const node of nodes) {
    graph.setNode(node.id, {
      width: node.measured?.width ?? DEFAULT_NODE_SIZE.width,
      height: node.measured?.height ?? DEFAULT_NODE_SIZE.height,
    });
  }
  const ordered = [...edges].sort((a, b) => pointIndex(nodes, a) - pointIndex(nodes, b));
  for (const edge of ordered) if (graph.hasNode(edge.source) && graph.hasNode(edge.target)) graph.setEdge(edge.source, edge.target);
  dagre.layout(graph);
  const positions = new Map<string, { x: number; y: number }>();
  for (const node of nodes) {
    const placed = graph.node(node.id);
    // dagre gives centres; the canvas places nodes by their top-left corner.
    positions.set(node.id, { x: Math.round(placed.x - placed.width / 2), y: Math.round(placed.y - placed.height / 2) });
  }
  uncrossPoints(nodes, ordered, positions);
  return positions;
}

/** The place of an edge's output point among its node's points (`true` before `false`, `out` before `error`). */
function pointIndex(nodes: readonly CanvasNode[], edge: CanvasEdge): number {
  const source = nodes.find((node) => node.id === edge.source);
  const points = source ? (findNodeType(source.data.type)?.outputs ?? []) : [];
  const index = points.indexOf(edge.sourceHandle ?? 'out');
  return index < 0 ? points.length : index;
}

/**
 * dagre orders nodes without knowing a node's points are drawn top to bottom: when the targets of
 * a node's first and second points came out the other way up, they swap places, so the wires do not cross.
 */
function uncrossPoints(nodes: readonly CanvasNode[], edges: readonly CanvasEdge[], positions: Map<string, { x: number; y: number }>): void {
  for (const node of nodes) {
    const outputs = findNodeType(node.data.type)?.outputs ?? [];
    if (outputs.length < 2) continue;
    const leaving = edges.filter((edge) => edge.source === node.id);
    const first = leaving.filter((edge) => (edge.sourceHandle ?? 'out') === outputs[0]);
    const second = leaving.filter((edge) => (edge.sourceHandle ?? 'out') === outputs[1]);
    if (first.length !== 1 || second.length !== 1 || first[0]!.target === second[0]!.target) continue;
    const upper = positions.get(first[0]!.target)!;
    const lower = positions.get(second[0]!.target)!;
    if (upper.x === lower.x && upper.y > lower.y) {
      positions.set(first[0]!.target, { ...upper, y: lower.y });
      positions.set(second[0]!.target, { ...lower, y: upper.y });
    }
  }
}
