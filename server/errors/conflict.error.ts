import type { Problem } from '../../shared/problem.js';
import { StudioError } from './studio.error.js';

/** A name is taken, a revision is stale or something still refers to an item (409). */
export class ConflictError extends StudioError {
  constructor(message: string, problems: Problem[] = [], details: Record<string, unknown> = {}) {
    super(message, 409, problems, details);
  }
}
