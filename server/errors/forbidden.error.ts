import { StudioError } from './studio.error.js';

/** What was asked would give someone a right they do not hold (403). */
export class ForbiddenError extends StudioError {
  constructor(message: string) {
    super(message, 403);
  }
}
