import { ApiError, errorMessage } from '../api/api-error.js';

/** A refusal as lines to show: the server's message, then its first problems (path and message). */
export function refusalText(error: unknown, problems = 5): string {
  const details = error instanceof ApiError ? error.problems.slice(0, problems).map((problem) => `${problem.path}: ${problem.message}`) : [];
  return [errorMessage(error), ...details].join('\n');
}
