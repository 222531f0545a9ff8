import { addEdge, applyEdgeChanges, applyNodeChanges } from '@xyflow/react';
import { temporal, type TemporalState } from 'zundo';
import { createStore, type StoreApi } from 'zustand';
import type { FlowDocument } from '../../../shared/dto/workspace.dto.js';
import { findNodeType } from '../../../shared/node-types/registry.js';
import { layoutPositions } from './auto-layout.js';
import { copyNodes, pastedNodes } from './flow-clipboard.js';
import {
  CANVAS_EDGE_TYPE,
  CANVAS_NODE_TYPE,
  draftFromFlow,
  draftKey,
  flowFromDraft,
  type CanvasEdge,
  type CanvasNode,
  type FlowDraft,
  withAriaLabel,
} from './flow-model.js';
import type { FlowEditorData, FlowEditorState } from './flow-store.types.js';
import { freeId, freeName, numberedId } from './naming.js';
import { loadedFlowChecks, loadFlowChecks, UNCHECKED, whenIdle } from './flow-checks.js';
import type { FlowProblems } from './validate-draft.js';
import { workspaceScope } from './workspace-scope.js';
import { spliceIntoConnection } from './drop-on-connection.js';

const pickDraft = (state: FlowDraft): FlowDraft => ({
  name: state.name,
  description: state.description,
  api: state.api,
  nodes: state.nodes,
  edges: state.edges,
});

/** The draft without positions and selection: when it is unchanged, the problems are too. */
function structureKey(state: FlowDraft): string {
  const flow = flowFromDraft(state);
  return JSON.stringify({ ...flow, nodes: flow.nodes.map(({ position: _position, ...rest }) => rest) });
}

const STACK_OFFSET = 32;

/** `wanted`, or a step down and right of it for each node already there, so new nodes never hide each other. */
function freePosition(wanted: { x: number; y: number }, nodes: readonly CanvasNode[]): { x: number; y: number } {
  let position = wanted;
  while (nodes.some((node) => Math.abs(node.position.x - position.x) < STACK_OFFSET / 2 && Math.abs(node.position.y - position.y) < STACK_OFFSET / 2)) {
    position = { x: position.x + STACK_OFFSET, y: position.y + STACK_OFFSET };
  }
  return position;
}

/** True when `to` can be reached from `from` along the edges: a new edge back would make a cycle. */
function reaches(edges: readonly CanvasEdge[], from: string, to: string): boolean {
  const seen = new Set<string>();
  const stack = [from];
  while (stack.length > 0) {
    const id = stack.pop()!;
    if (id === to) return true;
    if (seen.has(id)) continue;
    seen.add(id);
    for (const edge of edges) if (edge.source === id) stack.push(edge.target);
  }
  return false;
}

/** Whether a new connection is allowed: not to itself, not twice, not closing a loop. */
export function connectionAllowed(
  edges: readonly CanvasEdge[],
  connection: { source: string; target: string; sourceHandle?: string | null; targetHandle?: string | null },
): boolean {
  if (!connection.source || !connection.target || connection.source === connection.target) return false;
  const duplicate = edges.some(
    (edge) =>
      edge.source === connection.source &&
      edge.target === connection.target &&
      (edge.sourceHandle ?? null) === (connection.sourceHandle ?? null) &&
      (edge.targetHandle ?? null) === (connection.targetHandle ?? null),
  );
  return !duplicate && !reaches(edges, connection.target, connection.source);
}

function initialData(document: FlowDocument, draft?: { baseRevision: number; flow: FlowDocument['flow'] }): FlowEditorData {
  const saved = draftFromFlow(document.flow);
  const current = draft ? draftFromFlow(draft.flow) : saved;
  const savedKey = draftKey(saved);
  return {
    ...current,
    application: document.application,
    savedName: document.flow.name,
    baseRevision: draft?.baseRevision ?? document.revision,
    savedKey,
    dirty: draft !== undefined && (draftKey(current) !== savedKey || draft.baseRevision !== document.revision),
    // At once when the checks have loaded; else UNCHECKED, and checked once the flow is drawn (keepDerivedState).
    problems: check(current, document.application),
    saving: false,
    conflict: null,
  };
}

export type FlowStore = ReturnType<typeof createFlowStore>;

/**
 * One store per open flow (as React Flow keeps one per instance): the draft, its problems, and
 * undo/redo over the draft (zundo). A restored `draft` starts the editor from unsaved edits.
 */
export function createFlowStore(document: FlowDocument, draft?: { baseRevision: number; flow: FlowDocument['flow'] }) {
  let editDepth = 0;
  let editStart: FlowDraft | null = null;

  const store = createStore<FlowEditorState>()(
    temporal(
      (set, get, api) => {
        // The temporal store exists once the middleware has run; its type is not carried into the initializer.
        const temporalStore = () => (api as unknown as { temporal: StoreApi<TemporalState<FlowEditorState>> }).temporal;
        const history = () => temporalStore().getState();
        const withNodes = (update: (nodes: CanvasNode[]) => CanvasNode[]) => set({ nodes: update(get().nodes) });
        return {
          ...initialData(document, draft),

          onNodesChange: (changes) => {
            // The API input is the endpoint's fixed input: never removed (DESIGN §4).
            const allowed = changes.filter(
              (change) => change.type !== 'remove' || !findNodeType(get().nodes.find((n) => n.id === change.id)?.data.type ?? '')?.singleton,
            );
            if (allowed.length) withNodes((nodes) => applyNodeChanges(allowed, nodes));
          },
          onEdgesChange: (changes) => set({ edges: applyEdgeChanges(changes, get().edges) }),
          onConnect: (connection) => {
            const { edges } = get();
            if (!connectionAllowed(edges, connection)) return;
            const id = numberedId('c', new Set(edges.map((edge) => edge.id)));
            set({ edges: addEdge({ ...connection, id, type: CANVAS_EDGE_TYPE }, edges) as CanvasEdge[] });
          },
          addNode: (type, position) => {
            const declaration = findNodeType(type);
            if (!declaration) throw new Error(`unknown node type "${type}"`);
            const { nodes } = get();
            const id = freeId(type, new Set(nodes.map((node) => node.id)));
            const name = freeName(declaration.label, new Set(nodes.map((node) => node.data.name)));
            const node: CanvasNode = withAriaLabel({
              id,
              type: CANVAS_NODE_TYPE,
              position: freePosition(position, nodes),
              data: { type, name, config: declaration.defaults() as Record<string, unknown> },
              selected: true,
              ...(declaration.singleton ? { deletable: false } : {}),
            });
            set({
              nodes: [...nodes.map((n) => (n.selected ? { ...n, selected: false } : n)), node],
              edges: get().edges.map((e) => (e.selected ? { ...e, selected: false } : e)),
            });
            return id;
          },
          dropOnConnection: (id) => {
            const spliced = spliceIntoConnection(get().nodes, get().edges, id);
            if (spliced) set({ edges: spliced });
          },
          updateNode: (id, patch) =>
            withNodes((nodes) => nodes.map((node) => (node.id === id ? withAriaLabel({ ...node, data: { ...node.data, ...patch } }) : node))),
          updateFlow: (patch) => set(patch),
          selectOnly: (id) => {
            set({
              nodes: get().nodes.map((node) => (Boolean(node.selected) === (node.id === id) ? node : { ...node, selected: node.id === id })),
              edges: get().edges.map((edge) => (edge.selected ? { ...edge, selected: false } : edge)),
            });
          },
          selectAll: () => set({ nodes: get().nodes.map((node) => ({ ...node, selected: true })) }),
          deleteSelection: () => {
            const removable = new Set(
              get()
                .nodes.filter((node) => node.selected && !findNodeType(node.data.type)?.singleton)
                .map((node) => node.id),
            );
            set({
              nodes: get().nodes.filter((node) => !removable.has(node.id)),
              edges: get().edges.filter((edge) => !edge.selected && !removable.has(edge.source) && !removable.has(edge.target)),
            });
          },
          copySelection: () => copyNodes(get().nodes, get().edges),
          paste: (clipboard) => {
            const { nodes, edges } = get();
            const added = pastedNodes(clipboard, nodes, edges);
            set({
              nodes: [...nodes.map((node) => (node.selected ? { ...node, selected: false } : node)), ...added.nodes.map(withAriaLabel)],
              edges: [...edges, ...added.edges],
            });
          },
          autoLayout: () => {
            const positions = layoutPositions(get().nodes, get().edges);
            withNodes((nodes) => nodes.map((node) => ({ ...node, position: positions.get(node.id) ?? node.position })));
          },
          beginEdit: () => {
            if (editDepth++ === 0) {
              editStart = pickDraft(get());
              history().pause();
            }
          },
          endEdit: () => {
            if (editDepth === 0 || --editDepth > 0) return;
            const temporal = temporalStore();
            temporal.getState().resume();
            const start = editStart;
            editStart = null;
            if (start && draftKey(start) !== draftKey(get())) {
              temporal.setState({ pastStates: [...temporal.getState().pastStates, start], futureStates: [] });
            }
          },
          undo: () => history().undo(),
          redo: () => history().redo(),
          markSaved: (saved) => {
            const byId = new Map(get().nodes.map((node) => [node.id, node]));
            const fresh = draftFromFlow(saved.flow);
            history().pause();
            set({
              name: fresh.name,
              description: fresh.description,
              api: fresh.api,
              nodes: fresh.nodes.map((node) => {
                const previous = byId.get(node.id);
                return previous ? { ...previous, position: node.position, data: node.data } : node;
              }),
              savedName: saved.flow.name,
              baseRevision: saved.revision,
              savedKey: draftKey(fresh),
              conflict: null,
            });
            history().resume();
          },
          reload: (fresh) => {
            history().pause();
            set({ ...initialData(fresh) });
            history().resume();
            history().clear();
          },
          setSaving: (saving) => set({ saving }),
          setConflict: (conflict) => set({ conflict }),
        };
      },
      {
        partialize: (state): FlowEditorState => pickDraft(state) as FlowEditorState,
        equality: (past, current) => draftKey(past) === draftKey(current),
        limit: 200,
      },
    ),
  );

  keepDerivedState(store);
  return store;
}

/** True when the nodes moved, were resized or (de)selected and nothing else of the draft changed. */
function onlyPlacesChanged(state: FlowEditorState, previous: FlowEditorState): boolean {
  if (state.edges !== previous.edges || state.api !== previous.api || state.name !== previous.name || state.description !== previous.description) return false;
  if (state.savedKey !== previous.savedKey || state.nodes.length !== previous.nodes.length) return false;
  return state.nodes.every((node, index) => node.id === previous.nodes[index]!.id && node.data === previous.nodes[index]!.data);
}

/** The problems of `draft`, when the checks have loaded; UNCHECKED before. */
function check(draft: FlowDraft, application: string): FlowProblems {
  return loadedFlowChecks()?.validateFlow(flowFromDraft(draft), application, workspaceScope()) ?? UNCHECKED;
}

/**
 * Recomputes `dirty` and the problems whenever the draft changes, whatever changed it (an edit, undo,
 * redo). A flow opened before the checks have loaded is checked once the page is idle, its nodes drawn.
 */
function keepDerivedState(store: StoreApi<FlowEditorState>): void {
  let lastStructure: string | undefined;
  const checkUnchecked = () => {
    const state = store.getState();
    if (state.problems === UNCHECKED) store.setState({ problems: check(state, state.application) });
  };
  if (store.getState().problems === UNCHECKED) whenIdle(() => void loadFlowChecks().then(checkUnchecked));
  store.subscribe((state, previous) => {
    const draftChanged =
      state.nodes !== previous.nodes ||
      state.edges !== previous.edges ||
      state.api !== previous.api ||
      state.name !== previous.name ||
      state.description !== previous.description ||
      state.savedKey !== previous.savedKey;
    if (!draftChanged) return;
    const dirty = draftKey(state) !== state.savedKey;
    // A drag changes positions on every frame; when no node's data changed, neither did the problems.
    if (onlyPlacesChanged(state, previous)) {
      if (dirty !== state.dirty) store.setState({ dirty });
      return;
    }
    lastStructure ??= structureKey(previous);
    const structure = structureKey(state);
    const problems = structure === lastStructure && state.problems !== UNCHECKED ? state.problems : check(state, state.application);
    lastStructure = structure;
    // An edit made before the checks loaded is checked when they have.
    if (problems === UNCHECKED) void loadFlowChecks().then(checkUnchecked);
    if (dirty !== state.dirty || problems !== state.problems) store.setState({ dirty, problems });
  });
}
