import type { FlowDocument } from '../../../shared/dto/workspace.dto.js';
import { ApiError, errorMessage } from '../api/api-error.js';
import type { StudioClient } from '../api/studio-client.js';
import { notifyWarnings } from '../app/notify-warnings.js';
import { notify } from '../ui/notifications.js';
import type { Actionflow } from '../../../shared/schemas/actionflow.schema.js';
import { flowFromDraft } from './flow-model.js';
import type { FlowStore } from './flow-store.js';

/**
 * Saves the open flow with the revision it is based on. A stale revision is never overwritten: the
 * conflict is kept for the editor to explain. A server that cannot be reached leaves the edits as
 * they are (they are also kept in this browser). Returns the saved document, or null.
 */
export async function saveFlow(store: FlowStore, client: StudioClient): Promise<FlowDocument | null> {
  const state = store.getState();
  if (state.saving) return null;
  state.setSaving(true);
  let flow: Actionflow | undefined;
  try {
    flow = flowFromDraft(state);
    const saved = await client.saveFlow(state.application, state.savedName, flow, state.baseRevision);
    store.getState().markSaved(saved);
    notifyWarnings(saved);
    const checked = saved.check ?? { problems: [], warnings: [] };
    const noted = [
      checked.problems.length ? `${checked.problems.length} problem(s): it cannot run until they are fixed` : '',
      checked.warnings.length ? `${checked.warnings.length} warning(s)` : '',
    ]
      .filter(Boolean)
      .join(' and ');
    if (!saved.warnings?.length) {
      const done = saved.flow.api?.enabled ? 'The endpoint is live with these changes.' : `Revision ${saved.revision}.`;
      notify({
        tone: noted ? 'warning' : 'success',
        title: `Saved “${saved.flow.name}”`,
        description: noted ? `${done} It has ${noted}; see the Problems tab.` : done,
      });
    }
    return saved;
  } catch (error) {
    if (error instanceof ApiError && error.status === 409 && error.currentRevision !== undefined) {
      store.getState().setConflict({ message: error.message, currentRevision: error.currentRevision });
    } else if (error instanceof ApiError && error.unreachable) {
      notify({
        tone: 'error',
        title: 'Not saved: the server cannot be reached',
        description: 'Your edits are kept in this browser. Save again once the server is back.',
      });
    } else if (error instanceof ApiError && error.problems.length > 0) {
      notify({
        tone: 'error',
        title: 'Not saved: the flow has problems',
        description: error.problems
          .slice(0, 3)
          .map((problem) => `${where(problem.path, flow)}: ${problem.message}`)
          .join('\n'),
      });
    } else {
      notify({ tone: 'error', title: 'Not saved', description: errorMessage(error) });
    }
    return null;
  } finally {
    store.getState().setSaving(false);
  }
}

/** A problem's place for a person: the node's name when the path is inside a node. */
function where(path: string, flow: Actionflow | undefined): string {
  const index = /^\$\.nodes\[(\d+)\]/.exec(path)?.[1];
  const node = index === undefined ? undefined : flow?.nodes[Number(index)];
  return node ? `node “${node.name}”` : path;
}
