import type { ExportScope } from '../api/transfer-client.js';
import type { Route } from '../state/routes.js';

/** What the menu's Export… exports from where the designer is: the open flow, the open table's application, else the workspace. */
export function exportScopeOf(route: Route): ExportScope {
  if (route.view === 'flow') return { application: route.application, actionflow: route.flow };
  if (route.view === 'table') return { application: route.application };
  return {};
}
