import type { Edge, Node } from '@xyflow/react';
import type { Actionflow, ApiSettings } from '../../../shared/schemas/actionflow.schema.js';
import { findNodeType } from '../../../shared/node-types/registry.js';

/** What a canvas node carries: the flow node's own fields, plain JSON (never functions). */
export type ActionflowNodeData = {
  type: string;
  name: string;
  config: Record<string, unknown>;
  ui?: Record<string, unknown>;
};

export const CANVAS_NODE_TYPE = 'actionflow';
export const CANVAS_EDGE_TYPE = 'actionflow';

export type CanvasNode = Node<ActionflowNodeData, typeof CANVAS_NODE_TYPE>;
export type CanvasEdge = Edge<Record<string, never>, typeof CANVAS_EDGE_TYPE>;

/** The part of the editor's state that is the flow itself: what undo, redo, drafts and saves work on. */
export interface FlowDraft {
  name: string;
  description: string;
  api: ApiSettings | undefined;
  nodes: CanvasNode[];
  edges: CanvasEdge[];
}

/** What assistive technology calls a node on the canvas, e.g. "Gateway Found?". */
export function withAriaLabel(node: CanvasNode): CanvasNode {
  const label = `${findNodeType(node.data.type)?.label ?? node.data.type} ${node.data.name}`;
  return node.ariaLabel === label ? node : { ...node, ariaLabel: label };
}

/** A canvas node for a flow node; the single input of an API endpoint cannot be deleted. */
export function toCanvasNode(node: Actionflow['nodes'][number]): CanvasNode {
  const singleton = findNodeType(node.type)?.singleton === true;
  return withAriaLabel({
    id: node.id,
    type: CANVAS_NODE_TYPE,
    position: { ...node.position },
    data: { type: node.type, name: node.name, config: node.config, ...(node.ui ? { ui: node.ui } : {}) },
    ...(singleton ? { deletable: false } : {}),
  });
}

/** A canvas edge for a connection: handles are the connection points' names. */
export function toCanvasEdge(connection: Actionflow['connections'][number]): CanvasEdge {
  return {
    id: connection.id,
    type: CANVAS_EDGE_TYPE,
    source: connection.from.node,
    sourceHandle: connection.from.point,
    target: connection.to.node,
    targetHandle: connection.to.point,
  };
}

/** The editable draft of a stored flow. */
export function draftFromFlow(flow: Actionflow): FlowDraft {
  return {
    name: flow.name,
    description: flow.description,
    api: flow.api,
    nodes: flow.nodes.map(toCanvasNode),
    edges: flow.connections.map(toCanvasEdge),
  };
}

/** The flow a draft stands for, as the admin API takes it (positions rounded to whole pixels). */
export function flowFromDraft(draft: FlowDraft): Actionflow {
  return {
    name: draft.name,
    description: draft.description,
    ...(draft.api ? { api: draft.api } : {}),
    nodes: draft.nodes.map((node) => ({
      id: node.id,
      type: node.data.type,
      name: node.data.name,
      position: { x: Math.round(node.position.x), y: Math.round(node.position.y) },
      config: node.data.config,
      ...(node.data.ui ? { ui: node.data.ui } : {}),
    })),
    connections: draft.edges.map((edge) => ({
      id: edge.id,
      from: { node: edge.source, point: edge.sourceHandle ?? 'out' },
      to: { node: edge.target, point: edge.targetHandle ?? 'in' },
    })),
  };
}

/** A stable text of the flow a draft stands for: equal texts mean nothing changed. */
export function draftKey(draft: FlowDraft): string {
  return JSON.stringify(flowFromDraft(draft));
}
