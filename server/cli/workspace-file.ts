import { readFileSync } from 'node:fs';
import type { Workspace } from '../../shared/schemas/workspace.schema.js';
import { parseWorkspaceText } from '../../shared/validation/parse-workspace.js';
import { CliError } from './cli-output.js';

/** Reads and validates a workspace file; refuses it with every problem and its path. */
export function readWorkspaceFile(file: string): Workspace {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new CliError(`cannot read ${file}: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message}`);
  }
  const parsed = parseWorkspaceText(text);
  if (!parsed.ok) throw new CliError(`${file} is not a valid workspace file: ${parsed.problems.length} problem(s)`, 1, parsed.problems);
  return parsed.workspace;
}
