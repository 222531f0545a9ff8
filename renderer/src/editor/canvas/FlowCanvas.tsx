import { Background, BackgroundVariant, Controls, MiniMap, ReactFlow, useReactFlow, type IsValidConnection } from '@xyflow/react';
import { useCallback, type DragEvent } from 'react';
import { findNodeType } from '../../../../shared/node-types/registry.js';
import { useStudioStore } from '../../state/studio-store.js';
import { CANVAS_EDGE_TYPE, CANVAS_NODE_TYPE, type CanvasEdge, type CanvasNode } from '../flow-model.js';
import { connectionAllowed } from '../flow-store.js';
import { useFlowEditor, useFlowStoreApi } from '../flow-store-context.js';
import { ActionflowEdge } from './ActionflowEdge.js';
import { ActionflowNode, categoryClass } from './ActionflowNodeView.js';

// Built once at module scope: React Flow re-creates every node when these objects change.
const nodeTypes = { [CANVAS_NODE_TYPE]: ActionflowNode };
const edgeTypes = { [CANVAS_EDGE_TYPE]: ActionflowEdge };
const defaultEdgeOptions = { type: CANVAS_EDGE_TYPE };
const proOptions = { hideAttribution: true };
const minimapSize = { width: 176, height: 116 };

/** The drag-and-drop type a palette entry carries. */
export const NODE_TYPE_MIME = 'application/x-actionflow-node-type';

const minimapNodeClass = (node: CanvasNode) => `minimap-node ${categoryClass(findNodeType(node.data.type)?.category)}`;

/** The canvas: nodes, connections, minimap and zoom controls; nodes dropped from the palette are added where they land. */
export function FlowCanvas() {
  const store = useFlowStoreApi();
  const { nodes, edges, onNodesChange, onEdgesChange, onConnect, beginEdit, endEdit, addNode, dropOnConnection } = useFlowEditor((state) => ({
    nodes: state.nodes,
    edges: state.edges,
    onNodesChange: state.onNodesChange,
    onEdgesChange: state.onEdgesChange,
    onConnect: state.onConnect,
    beginEdit: state.beginEdit,
    endEdit: state.endEdit,
    addNode: state.addNode,
    dropOnConnection: state.dropOnConnection,
  }));
  const theme = useStudioStore((state) => state.theme);
  const { screenToFlowPosition } = useReactFlow();

  const isValidConnection = useCallback<IsValidConnection<CanvasEdge>>(
    (connection) => connectionAllowed(store.getState().edges, connection),
    [store],
  );

  // A node dragged onto a connection goes into it, in the same undo step as the drag.
  const onNodeDragStop = useCallback(
    (_event: unknown, node: CanvasNode) => {
      dropOnConnection(node.id);
      endEdit();
    },
    [dropOnConnection, endEdit],
  );

  const onDragOver = useCallback((event: DragEvent) => {
    if (!event.dataTransfer.types.includes(NODE_TYPE_MIME)) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'copy';
  }, []);

  const onDrop = useCallback(
    (event: DragEvent) => {
      const type = event.dataTransfer.getData(NODE_TYPE_MIME);
      if (!type) return;
      event.preventDefault();
      const position = screenToFlowPosition({ x: event.clientX, y: event.clientY });
      const id = addNode(type, { x: Math.round(position.x - 104), y: Math.round(position.y - 30) });
      dropOnConnection(id);
    },
    [addNode, dropOnConnection, screenToFlowPosition],
  );

  return (
    <div className="canvas" onDragOver={onDragOver} onDrop={onDrop}>
      <ReactFlow<CanvasNode, CanvasEdge>
        nodes={nodes}
        edges={edges}
        nodeTypes={nodeTypes}
        edgeTypes={edgeTypes}
        defaultEdgeOptions={defaultEdgeOptions}
        onNodesChange={onNodesChange}
        onEdgesChange={onEdgesChange}
        onConnect={onConnect}
        isValidConnection={isValidConnection}
        onNodeDragStart={beginEdit}
        onNodeDragStop={onNodeDragStop}
        onSelectionDragStart={beginEdit}
        onSelectionDragStop={endEdit}
        deleteKeyCode={null}
        colorMode={theme}
        fitView
        fitViewOptions={{ padding: 0.08, maxZoom: 1.1 }}
        minZoom={0.2}
        maxZoom={2}
        snapToGrid
        snapGrid={[8, 8]}
        proOptions={proOptions}
        aria-label="Flow canvas"
      >
        <Background variant={BackgroundVariant.Dots} gap={16} size={1.2} className="canvas-background" />
        <MiniMap pannable zoomable className="canvas-minimap" style={minimapSize} nodeClassName={minimapNodeClass} nodeBorderRadius={6} ariaLabel="Minimap" />
        <Controls className="canvas-controls" showInteractive={false} />
      </ReactFlow>
      {nodes.length === 0 && (
        <div className="canvas-empty">
          <p className="canvas-empty-title">An empty flow</p>
          <p>Drag a node from the palette, or click one to add it here.</p>
        </div>
      )}
    </div>
  );
}
