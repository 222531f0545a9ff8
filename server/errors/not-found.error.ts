import { StudioError } from './studio.error.js';

/** Something named in a request does not exist (404). */
export class NotFoundError extends StudioError {
  constructor(message: string) {
    super(message, 404);
  }
}
