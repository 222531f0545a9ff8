import { errorMessage } from '../api/api-error.js';
import type { ExportScope } from '../api/transfer-client.js';
import { useStudioStore } from '../state/studio-store.js';
import { notify } from '../ui/notifications.js';
import { exportFileName, exportSubject } from './export-file-name.js';
import { saveWorkspaceText } from './save-workspace-text.js';

/**
 * Exports the workspace, an application or an actionflow as the server writes it (never with
 * secret values or keys) and saves it as a file; says how it went. Stored versions only: edits not
 * saved yet are not in it.
 */
export async function exportToFile(scope: ExportScope = {}): Promise<void> {
  const client = useStudioStore.getState().client;
  if (!client) return;
  const name = exportFileName(scope);
  try {
    const document = await client.transfer.exportWorkspace(scope);
    const saved = await saveWorkspaceText(name, `${JSON.stringify(document, null, 2)}\n`);
    if (saved) notify({ tone: 'success', title: `Exported ${exportSubject(scope)}`, description: name });
  } catch (error) {
    notify({ tone: 'error', title: `Could not export ${exportSubject(scope)}`, description: errorMessage(error) });
  }
}
