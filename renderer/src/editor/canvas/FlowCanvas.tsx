import { Background, BackgroundVariant, Controls, MiniMap, ReactFlow, useReactFlow, useStore, type IsValidConnection, type OnConnectEnd } from '@xyflow/react';
import { useCallback, useEffect, useRef, useState, type DragEvent, type MouseEvent as ReactMouseEvent } from 'react';
import { shallow } from 'zustand/shallow';
import type { MenuAction } from '../../ui/ActionMenu.js';
import { clipboardCommands } from '../clipboard-commands.js';
import { readClipboard } from '../flow-clipboard-storage.js';
import { CanvasContextMenu, type ContextMenuAt } from './CanvasContextMenu.js';
import { findNodeType, NODE_TYPES } from '../../../../shared/node-types/registry.js';
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
/** Below this height (the panel at the bottom open) the minimap would cover the nodes fit into the canvas: it hides. */
const MINIMAP_MIN_CANVAS_HEIGHT = 560;
const fitViewOptions = { padding: 0.08, maxZoom: 1.1 };
const snapGrid: [number, number] = [8, 8];

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
  const { screenToFlowPosition, fitView, getNodesBounds, getViewport } = useReactFlow();
  const [menu, setMenu] = useState<ContextMenuAt | null>(null);

  // The canvas's size as React Flow measured it (no observer of our own: a size container or a second observer
  // had the browser redo the whole canvas's style or layout as it was first drawn).
  const { width, height } = useStore((state) => ({ width: state.width, height: state.height }), shallow);
  // A flow wholly in view stays so when the canvas shrinks (the panel at the bottom opens): it is fitted again.
  const size = useRef({ width, height });
  useEffect(() => {
    const was = size.current;
    size.current = { width, height };
    const wholly = (area: { width: number; height: number }) => {
      const nodes = store.getState().nodes;
      if (nodes.length === 0) return false;
      const bounds = getNodesBounds(nodes);
      const { x, y, zoom } = getViewport();
      const [left, top] = [bounds.x * zoom + x, bounds.y * zoom + y];
      return left >= 0 && top >= 0 && left + bounds.width * zoom <= area.width && top + bounds.height * zoom <= area.height;
    };
    if (width > 0 && height > 0 && wholly(was) && !wholly({ width, height })) void fitView(fitViewOptions);
  }, [width, height, store, fitView, getNodesBounds, getViewport]);
  const closeMenu = useCallback(() => setMenu(null), []);

  const openMenu = useCallback(
    (event: ReactMouseEvent | MouseEvent, on: 'selection' | 'canvas') => {
      event.preventDefault();
      const state = () => store.getState();
      const clipboard = clipboardCommands(store);
      const fit = () => void fitView({ padding: 0.25, duration: 200 });
      const view: MenuAction[] = [
        {
          id: 'layout',
          label: 'Auto-layout',
          separated: on === 'selection',
          run: () => {
            state().autoLayout();
            requestAnimationFrame(fit);
          },
        },
        { id: 'fit', label: 'Fit view', run: fit },
      ];
      const selection: MenuAction[] = [
        { id: 'copy', label: 'Copy', run: clipboard.copy },
        { id: 'cut', label: 'Cut', run: clipboard.cut },
        { id: 'duplicate', label: 'Duplicate', run: clipboard.duplicate },
        { id: 'delete', label: 'Delete', danger: true, run: () => state().deleteSelection() },
      ];
      const canvas: MenuAction[] = [
        ...(readClipboard() ? [{ id: 'paste', label: 'Paste', run: clipboard.paste }] : []),
        { id: 'select-all', label: 'Select all', run: () => state().selectAll() },
      ];
      setMenu({
        x: event.clientX,
        y: event.clientY,
        actions: on === 'selection' ? [...selection, ...view] : [...canvas, ...view.map((action) => ({ ...action, separated: action.id === 'layout' }))],
      });
    },
    [store, fitView],
  );

  // A wire let go on the empty canvas offers the node types that can take it, added there and connected.
  const onConnectEnd = useCallback<OnConnectEnd>(
    (event, connection) => {
      if (connection.isValid || connection.toHandle || !connection.fromNode || connection.fromHandle?.type !== 'source') return;
      if (!(event.target instanceof Element) || !event.target.classList.contains('react-flow__pane')) return;
      const point = 'changedTouches' in event ? event.changedTouches[0]! : event;
      const source = { node: connection.fromNode.id, point: connection.fromHandle.id ?? 'out' };
      const actions: MenuAction[] = NODE_TYPES.filter((type) => type.inputs.length > 0).map((type) => ({
        id: type.type,
        label: type.label,
        run: () => {
          const at = screenToFlowPosition({ x: point.clientX, y: point.clientY });
          const id = store.getState().addNode(type.type, { x: Math.round(at.x), y: Math.round(at.y - 30) });
          store.getState().onConnect({ source: source.node, sourceHandle: source.point, target: id, targetHandle: type.inputs[0]! });
        },
      }));
      setMenu({ x: point.clientX, y: point.clientY, actions, label: 'Add a node here' });
    },
    [store, screenToFlowPosition],
  );

  const onNodeContextMenu = useCallback(
    (event: ReactMouseEvent, node: CanvasNode) => {
      // Right-clicking a node outside the selection acts on that node alone, as in a file manager.
      if (!node.selected) store.getState().selectOnly(node.id);
      openMenu(event, 'selection');
    },
    [store, openMenu],
  );

  // Stable handlers: React Flow hands a new pane handler to its pan and zoom on every render, which
  // during a drag (a render per frame) had Chromium repaint the whole canvas each frame.
  const onSelectionContextMenu = useCallback((event: ReactMouseEvent) => openMenu(event, 'selection'), [openMenu]);
  const onPaneContextMenu = useCallback((event: ReactMouseEvent | MouseEvent) => openMenu(event, 'canvas'), [openMenu]);

  const isValidConnection = useCallback<IsValidConnection<CanvasEdge>>((connection) => connectionAllowed(store.getState().edges, connection), [store]);

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
        fitViewOptions={fitViewOptions}
        minZoom={0.2}
        maxZoom={2}
        snapToGrid
        snapGrid={snapGrid}
        proOptions={proOptions}
        aria-label="Flow canvas"
        onNodeContextMenu={onNodeContextMenu}
        onConnectEnd={onConnectEnd}
        onSelectionContextMenu={onSelectionContextMenu}
        onPaneContextMenu={onPaneContextMenu}
      >
        <Background variant={BackgroundVariant.Dots} gap={16} size={1.2} className="canvas-background" />
        {height >= MINIMAP_MIN_CANVAS_HEIGHT && (
          <MiniMap pannable zoomable className="canvas-minimap" style={minimapSize} nodeClassName={minimapNodeClass} nodeBorderRadius={6} ariaLabel="Minimap" />
        )}
        <Controls className="canvas-controls" showInteractive={false} />
      </ReactFlow>
      <CanvasContextMenu at={menu} onClose={closeMenu} />
      {nodes.length === 0 && (
        <div className="canvas-empty">
          <p className="canvas-empty-title">An empty flow</p>
          <p>Drag a node from the palette, or click one to add it here.</p>
        </div>
      )}
    </div>
  );
}
