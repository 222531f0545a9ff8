import { createContext, useContext, useMemo, type ReactNode } from 'react';
import type { NodeTrace, RunTrace } from '../../../../shared/dto/run-trace.dto.js';
import type { ShownRun } from './run-view.slice.js';
import { useStudioStore } from '../../state/studio-store.js';
import { useFlowEditor } from '../flow-store-context.js';

/** The shown run as the open flow sees it: absent when it is another flow's; `stale` when the flow was saved since it ran. */
export interface RunOnCanvas {
  run: ShownRun;
  /** What to draw: null while it loads, when there is none, or when the flow changed since. */
  trace: RunTrace | null;
  stale: boolean;
}

const RunOnCanvasContext = createContext<RunOnCanvas | null>(null);

/**
 * Works out once, for the whole editor, whether the shown run is one of the open flow: each node and
 * connection reads it from here, so drawing 300 nodes does not add 300 store subscriptions.
 */
export function RunOnCanvasProvider({ children }: { children: ReactNode }) {
  const run = useStudioStore((state) => state.shownRun);
  const { application, savedName, baseRevision } = useFlowEditor((state) => ({
    application: state.application,
    savedName: state.savedName,
    baseRevision: state.baseRevision,
  }));
  const value = useMemo(() => {
    if (!run || run.application !== application || run.actionflow !== savedName) return null;
    const stale = run.trace !== null && run.trace.revision !== baseRevision;
    return { run, trace: stale ? null : run.trace, stale };
  }, [run, application, savedName, baseRevision]);
  return <RunOnCanvasContext.Provider value={value}>{children}</RunOnCanvasContext.Provider>;
}

/** The shown run, when it is a run of the flow open in the editor. */
export function useRunOnCanvas(): RunOnCanvas | null {
  return useContext(RunOnCanvasContext);
}

/** The records that crossed connection `id` in the shown run; undefined when no run is drawn. */
export function useEdgeRunCount(id: string): number | undefined {
  const trace = useRunOnCanvas()?.trace;
  return trace ? (trace.connections[id] ?? 0) : undefined;
}

/** What node `id` did in the shown run: null when no record reached it, undefined when no run is drawn. */
export function useNodeRun(id: string): NodeTrace | null | undefined {
  const trace = useRunOnCanvas()?.trace;
  return trace ? (trace.nodes[id] ?? null) : undefined;
}
