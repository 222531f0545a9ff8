import type { Problem } from '../../shared/problem.js';
import { StudioError } from './studio.error.js';

/** Input that does not validate; every problem is listed with its path (400). */
export class ValidationError extends StudioError {
  constructor(message: string, problems: Problem[] = [], details: Record<string, unknown> = {}) {
    super(message, 400, problems, details);
  }
}
