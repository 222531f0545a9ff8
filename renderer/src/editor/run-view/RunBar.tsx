import { Activity, X } from 'lucide-react';
import { useStudioStore } from '../../state/studio-store.js';
import { IconButton } from '../../ui/Button.js';
import { useFlowEditor } from '../flow-store-context.js';
import { useRunOnCanvas, type RunOnCanvas } from './use-run-on-canvas.js';

const hideRun = () => {
  const studio = useStudioStore.getState();
  void studio.selectConsoleEntry(null);
  void studio.showRun(null);
};

/** Above the canvas while a run of this flow is shown: which run, how it ended, and whether the flow changed since. */
export function RunBar() {
  const shown = useRunOnCanvas();
  const failedNode = shown?.trace?.failure?.node;
  const { baseRevision, dirty, failedName } = useFlowEditor((state) => ({
    baseRevision: state.baseRevision,
    dirty: state.dirty,
    failedName: state.nodes.find((node) => node.id === failedNode)?.data.name ?? failedNode,
  }));
  if (!shown) return null;
  const tone = shown.stale ? 'is-stale' : shown.trace?.failure ? 'is-failed' : '';
  return (
    <div className={`run-bar ${tone}`} role="status" data-testid="run-bar">
      <Activity size={14} aria-hidden="true" />
      <span className="run-bar-text">{runText(shown, baseRevision, dirty, failedName)}</span>
      <IconButton label="Hide the run" icon={<X size={14} />} onPress={hideRun} />
    </div>
  );
}

function runText({ run, trace, stale }: RunOnCanvas, revision: number, dirty: boolean, failedName: string | undefined): string {
  const title = `Run of console entry ${run.entry} (${run.status})`;
  if (run.message) return `${title}: its trace could not be read: ${run.message}`;
  if (run.status === 'Running') return `${title}: drawn once it ends.`;
  if (run.status === 'Refused') return `${title}: refused before it ran, nothing to draw.`;
  if (stale) return `${title} ran revision ${run.trace!.revision}; the flow has been saved since (revision ${revision}), so its records are not drawn.`;
  if (!trace) return `${title}: loading…`;
  const failure = trace.failure ? ` Records failed at “${failedName}”: ${trace.failure.message}.` : '';
  const unsaved = dirty ? ' It ran the saved flow, without your unsaved edits.' : '';
  return `${title}: records per connection; select a node to see its records.${failure}${unsaved}`;
}
