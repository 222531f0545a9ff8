import type { Problem } from '../../shared/problem.js';

/** An error with the HTTP status and CLI exit code it maps to; `problems` lists validation problems when there are any. */
export class StudioError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly problems: Problem[] = [],
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = new.target.name;
  }
}
