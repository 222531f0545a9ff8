import type { CanvasEdge, CanvasNode } from './flow-model.js';
import { freeId, freeName, numberedId } from './naming.js';
import { findNodeType } from '../../../shared/node-types/registry.js';

/** What copy puts on the clipboard: the selected nodes and the connections between them. */
export interface FlowClipboard {
  format: 'actionflow-clipboard';
  nodes: CanvasNode[];
  edges: CanvasEdge[];
}

const PASTE_OFFSET = 40;

/** The selected nodes (singletons such as the API input excepted) and the connections among them. */
export function copyNodes(nodes: readonly CanvasNode[], edges: readonly CanvasEdge[]): FlowClipboard | null {
  const picked = nodes.filter((node) => node.selected && !findNodeType(node.data.type)?.singleton);
  if (picked.length === 0) return null;
  const ids = new Set(picked.map((node) => node.id));
  return {
    format: 'actionflow-clipboard',
    nodes: picked.map(({ selected: _selected, dragging: _dragging, ...node }) => structuredClone(node)),
    edges: edges.filter((edge) => ids.has(edge.source) && ids.has(edge.target)).map(({ selected: _selected, ...edge }) => ({ ...edge })),
  };
}

/**
 * The nodes and edges to add for a paste into a flow that has `nodes` and `edges`: fresh ids and
 * names, shifted so the copy does not hide the original, selected.
 */
export function pastedNodes(
  clipboard: FlowClipboard,
  nodes: readonly CanvasNode[],
  edges: readonly CanvasEdge[],
): { nodes: CanvasNode[]; edges: CanvasEdge[] } {
  const ids = new Set(nodes.map((node) => node.id));
  const names = new Set(nodes.map((node) => node.data.name));
  const edgeIds = new Set(edges.map((edge) => edge.id));
  const renamed = new Map<string, string>();
  const added = clipboard.nodes.map((node) => {
    const id = freeId(node.id, ids);
    const name = freeName(node.data.name, names);
    ids.add(id);
    names.add(name);
    renamed.set(node.id, id);
    return {
      ...structuredClone(node),
      id,
      data: { ...structuredClone(node.data), name },
      position: { x: node.position.x + PASTE_OFFSET, y: node.position.y + PASTE_OFFSET },
      selected: true,
    };
  });
  const addedEdges = clipboard.edges.map((edge) => {
    const id = numberedId('c', edgeIds);
    edgeIds.add(id);
    return { ...edge, id, source: renamed.get(edge.source)!, target: renamed.get(edge.target)!, selected: false };
  });
  return { nodes: added, edges: addedEdges };
}

/** Reads a clipboard text written by `copyNodes`, or null for anything else. */
export function parseClipboard(text: string | null): FlowClipboard | null {
  if (!text) return null;
  try {
    const value = JSON.parse(text) as Partial<FlowClipboard>;
    return value.format === 'actionflow-clipboard' && Array.isArray(value.nodes) && Array.isArray(value.edges) ? (value as FlowClipboard) : null;
  } catch {
    return null;
  }
}
