import type { CliIo } from './cli-io.js';
import type { Problem } from '../../shared/problem.js';
import { formatProblem } from '../../shared/problem.js';
import { StudioError } from '../errors/studio.error.js';
import { StorageError } from '../errors/storage.error.js';

/** A failure the CLI reports as one line (plus problems) and an exit code, without a stack trace. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
    readonly problems: Problem[] = [],
  ) {
    super(message);
  }
}

/** Prints an error the way every command does: `actionflow: <message>`, then one line per problem. */
export function reportError(io: CliIo, error: unknown): number {
  if (error instanceof CliError || error instanceof StudioError) {
    io.tell(`actionflow: ${error.message}`);
    for (const problem of error.problems) io.tell(`  ${formatProblem(problem)}`);
    return error instanceof CliError ? error.exitCode : 1;
  }
  if (error instanceof StorageError) {
    io.tell(`actionflow: ${error.message}`);
    return 1;
  }
  // Still one line and exit 1: a script needs no stack trace to know the command failed.
  const message = error instanceof Error ? error.message.split('\n')[0] : String(error);
  io.tell(`actionflow: ${message}${process.env.ACTIONFLOW_DEBUG ? `\n${(error as Error)?.stack ?? ''}` : ' (ACTIONFLOW_DEBUG=1 shows where it happened)'}`);
  return 1;
}
