import type { Reference } from '../../../shared/dto/workspace.dto.js';
import type { Problem } from '../../../shared/problem.js';

/** What the admin API answered with when it refused, or `status` 0 when the server could not be reached. */
export class ApiError extends Error {
  readonly status: number;
  readonly problems: Problem[];
  /** For a refused delete: what still refers to the item. */
  readonly references: Reference[];
  /** For a stale save: the revision the server holds now. */
  readonly currentRevision: number | undefined;

  constructor(status: number, message: string, body: Partial<{ problems: Problem[]; references: Reference[]; currentRevision: number }> = {}) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.problems = body.problems ?? [];
    this.references = body.references ?? [];
    this.currentRevision = body.currentRevision;
  }

  /** True when the request never reached the server (gone, restarting, network down). */
  get unreachable(): boolean {
    return this.status === 0 || this.status === 502 || this.status === 503 || this.status === 504;
  }
}

/** The message of any error, for a notification. */
export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
