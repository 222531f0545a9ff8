import type { ExportScope } from '../api/transfer-client.js';

/** The suggested file name of an export: `<flow or application or "workspace">.actionflow.json`, safe on every system. */
export function exportFileName(scope: ExportScope): string {
  const base = (scope.actionflow ?? scope.application ?? 'workspace').replace(/[\u0000-\u001f\u007f/\\:*?"<>|]+/g, '_').replace(/^\.+/, '_');
  return `${base}.actionflow.json`;
}

/** What an export holds, for messages: `actionflow “X”`, `application “Y”`, `the workspace`. */
export function exportSubject(scope: ExportScope): string {
  if (scope.actionflow) return `actionflow “${scope.actionflow}”`;
  if (scope.application) return `application “${scope.application}”`;
  return 'the workspace';
}
