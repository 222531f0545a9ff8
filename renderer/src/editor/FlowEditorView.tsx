import { ReactFlowProvider, useReactFlow } from '@xyflow/react';
import { useCallback, useEffect, useMemo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { errorMessage } from '../api/api-error.js';
import { useStudioStore } from '../state/studio-store.js';
import { Button } from '../ui/Button.js';
import { preloadCodeEditors } from '../ui/code-editors.js';
import { useTryItFollowsFlow } from '../try-it/use-try-it-follows-flow.js';
import { notify } from '../ui/notifications.js';
import { FlowCanvas } from './canvas/FlowCanvas.js';
import { ConflictDialog } from './ConflictDialog.js';
import { EditorToolbar } from './EditorToolbar.js';
import { clearDraft } from './flow-drafts.js';
import { clipboardCommands } from './clipboard-commands.js';
import type { FlowStore } from './flow-store.js';
import { FlowStoreContext } from './flow-store-context.js';
import { useKeyboardShortcuts, type Shortcut } from './keyboard-shortcuts.js';
import { BottomPanel } from './panel/BottomPanel.js';
import { BOTTOM_PANEL_TABS } from './panel/bottom-panel-tabs.js';
import { Palette } from './palette/Palette.js';
import { PropertiesPanel } from './properties/PropertiesPanel.js';
import { RunBar } from './run-view/RunBar.js';
import { RunOnCanvasProvider } from './run-view/use-run-on-canvas.js';
import { useNodeFocus } from './run-view/use-node-focus.js';
import { saveFlow } from './save-flow.js';
import { handOverRenamedFlow, useFlowDocument } from './use-flow-document.js';
import { setKnownWorkspace } from './workspace-scope.js';

/** The flow editor: toolbar, palette, canvas, properties and the panel under the canvas. */
export function FlowEditorView({ application, flow }: { application: string; flow: string }) {
  const { client, reachability, workspace } = useStudioStore(
    useShallow((state) => ({ client: state.client, reachability: state.reachability, workspace: state.workspace })),
  );
  // Before the flow loads, so its first check already knows the workspace's tables and flows.
  setKnownWorkspace(workspace);
  const { load, retry } = useFlowDocument(client, application, flow);
  useTryItFollowsFlow(application, flow);
  const failed = load.status === 'failed';
  // The flow is drawn without the code editors; they load once it has loaded and the browser is idle, before a
  // node is chosen (idle while the flow is fetched, they were parsed in the middle of drawing it).
  const loaded = load.status === 'ready';
  useEffect(() => {
    if (!loaded) return;
    const idle = requestIdleCallback(preloadCodeEditors, { timeout: 2000 });
    return () => cancelIdleCallback(idle);
  }, [loaded]);
  // A flow that could not be opened because the server was away opens once it is back.
  useEffect(() => {
    if (failed && reachability === 'online') retry();
  }, [failed, reachability, retry]);

  if (load.status === 'loading') return <div className="view-message">Loading “{flow}”…</div>;
  if (load.status === 'failed') {
    return (
      <div className="view-message" role="alert">
        <p>
          Could not open “{flow}”: {load.message}
        </p>
        <Button onPress={retry}>Try again</Button>
      </div>
    );
  }
  return (
    <FlowStoreContext.Provider value={load.store}>
      <ReactFlowProvider>
        <RunOnCanvasProvider>
          <FlowEditorLayout store={load.store} />
        </RunOnCanvasProvider>
      </ReactFlowProvider>
    </FlowStoreContext.Provider>
  );
}

function FlowEditorLayout({ store }: { store: FlowStore }) {
  const { client, navigate, loadWorkspace, followEndpointRename } = useStudioStore(
    useShallow((state) => ({
      client: state.client,
      navigate: state.navigate,
      loadWorkspace: state.loadWorkspace,
      followEndpointRename: state.followEndpointRename,
    })),
  );
  const { fitView } = useReactFlow();

  const save = useCallback(async () => {
    if (!client) return;
    const before = store.getState().savedName;
    const saved = await saveFlow(store, client);
    if (!saved) return;
    if (saved.flow.name !== before) {
      clearDraft(saved.application, before);
      followEndpointRename({ application: saved.application, actionflow: before }, { application: saved.application, actionflow: saved.flow.name });
      handOverRenamedFlow(store);
      navigate({ view: 'flow', application: saved.application, flow: saved.flow.name }, { replace: true });
    }
    void loadWorkspace();
  }, [client, store, navigate, loadWorkspace, followEndpointRename]);

  const reload = useCallback(async () => {
    if (!client) return;
    const state = store.getState();
    try {
      const fresh = await client.getFlow(state.application, state.savedName);
      clearDraft(state.application, state.savedName);
      store.getState().reload(fresh);
    } catch (error) {
      notify({ tone: 'error', title: 'Could not reload the flow', description: errorMessage(error) });
    }
  }, [client, store]);

  const shortcuts = useMemo<Shortcut[]>(() => {
    const state = () => store.getState();
    const clipboard = clipboardCommands(store);
    return [
      { key: 's', mod: true, run: () => void save() },
      { key: 'z', mod: true, run: () => state().undo() },
      { key: 'z', mod: true, shift: true, run: () => state().redo() },
      { key: 'y', mod: true, run: () => state().redo() },
      { key: 'a', mod: true, run: () => state().selectAll() },
      { key: 'c', mod: true, run: clipboard.copy },
      { key: 'x', mod: true, run: clipboard.cut },
      { key: 'v', mod: true, run: clipboard.paste },
      { key: 'd', mod: true, run: clipboard.duplicate },
      { key: 'Delete', run: () => state().deleteSelection() },
      { key: 'Backspace', run: () => state().deleteSelection() },
      { key: 'Escape', run: () => state().selectOnly(null) },
      {
        key: 'l',
        shift: true,
        run: () => {
          state().autoLayout();
          requestAnimationFrame(() => void fitView({ padding: 0.25, duration: 200 }));
        },
      },
      { key: 'f', run: () => void fitView({ padding: 0.25, duration: 200 }) },
    ];
  }, [store, save, fitView]);
  useKeyboardShortcuts(shortcuts);
  useNodeFocus(store);

  return (
    <div className="editor">
      <EditorToolbar onSave={() => void save()} />
      <div className="editor-body">
        <Palette />
        <div className="editor-center">
          <RunBar />
          <FlowCanvas />
          <BottomPanel tabs={BOTTOM_PANEL_TABS} />
        </div>
        <PropertiesPanel />
      </div>
      <ConflictDialog onReload={() => void reload()} />
    </div>
  );
}
