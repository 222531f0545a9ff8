import { readFileSync } from 'node:fs';
import type { Problem } from '../../shared/problem.js';
import type { Workspace } from '../../shared/schemas/workspace.schema.js';
import { parseWorkspaceText, type FullCheck } from '../../shared/validation/parse-workspace.js';
import { CliError } from './cli-output.js';

/** A workspace file that passed: problems (of flows that would not be live) and warnings are listed, not refused. */
export interface ReadWorkspace {
  workspace: Workspace;
  problems: Problem[];
  warnings: Problem[];
}

/** Reads a workspace file's text; a file that cannot be read is one line saying why. */
export function readWorkspaceText(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    throw new CliError(`cannot read ${file}: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message}`);
  }
}

/** Validates a workspace file's text (fully with `full`); refuses it with every problem and its path. */
export function readWorkspaceFile(file: string, full?: FullCheck, text = readWorkspaceText(file)): ReadWorkspace {
  const parsed = parseWorkspaceText(text, full);
  if (!parsed.ok) throw new CliError(`${file} is not a valid workspace file: ${parsed.problems.length} problem(s)`, 1, parsed.problems);
  return parsed;
}
