import type { FlowDocument } from '../../../shared/dto/workspace.dto.js';
import { notify } from '../ui/notifications.js';

/** Shows what the server warned about when it stored a flow (e.g. a version 10 URL now ambiguous); warnings stay until closed. */
export function notifyWarnings(document: FlowDocument): void {
  for (const warning of document.warnings ?? []) notify({ tone: 'warning', title: `“${document.flow.name}” was saved, with a warning`, description: warning });
}
