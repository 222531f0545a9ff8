import type { WorkspaceSummary } from '../../../shared/dto/workspace.dto.js';
import { scopeOf, type CheckScope } from '../../../shared/validation/check-scope.js';

let known: { summary: WorkspaceSummary; scope: CheckScope } | undefined;

/** Tells the flow checks which workspace the designer holds (the editor calls it as the summary loads). */
export function setKnownWorkspace(summary: WorkspaceSummary | null): void {
  known = summary ? { summary, scope: scopeOf(summary) } : undefined;
}

/**
 * What the open flow's references may name, from the workspace summary the designer holds: its
 * tables and their columns and its flows by name (their nodes and secret keys are the server's to
 * check on save). Undefined until the summary has loaded.
 */
export function workspaceScope(): CheckScope | undefined {
  return known?.scope;
}
