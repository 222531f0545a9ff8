import type { z } from 'zod';
import { formatJsonPath, type PathSegment } from './json-path.js';

/** One validation problem: where (a JSON path) and what is wrong. */
export interface Problem {
  path: string;
  message: string;
  /** The node or connection the problem belongs to, so the designer can mark it. */
  nodeId?: string;
  connectionId?: string;
}

/** Turns zod's issues into problems, each under `prefix`. */
export function problemsFromZod(error: z.ZodError, prefix: readonly PathSegment[] = []): Problem[] {
  return error.issues.map((issue) => ({
    path: formatJsonPath([...prefix, ...(issue.path as PathSegment[])]),
    message: issueMessage(issue),
  }));
}

function issueMessage(issue: z.core.$ZodIssue): string {
  if (issue.code === 'unrecognized_keys') return `unknown key${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')}`;
  return issue.message;
}

/** Formats a problem as one line, as the CLI prints it. */
export function formatProblem(problem: Problem): string {
  return `${problem.path}: ${problem.message}`;
}
