import type { Problem } from '../../../shared/problem.js';

const LAST_SEGMENT = /(?:\.([A-Za-z_$][A-Za-z0-9_$]*)|\[("(?:[^"\\]|\\.)*")\])$/;

/** The column a server problem is about (the last segment of its path, e.g. `$.values["unit price"]`), or null. */
export function problemColumn(problem: Problem): string | null {
  const match = LAST_SEGMENT.exec(problem.path);
  if (!match) return null;
  return match[1] ?? (JSON.parse(match[2]!) as string);
}

/** The server's problems with a row, by column; problems about no column are under `''`. */
export function problemsByColumn(problems: readonly Problem[]): Record<string, string> {
  const byColumn: Record<string, string> = {};
  for (const problem of problems) {
    const column = problemColumn(problem) ?? '';
    byColumn[column] = byColumn[column] ? `${byColumn[column]}; ${problem.message}` : problem.message;
  }
  return byColumn;
}
