import { ApiError, errorMessage } from '../api/api-error.js';

/** A refusal spread over a form: a message per field, and what belongs to no field. */
export interface FieldProblems {
  fields: Partial<Record<string, string>>;
  form?: string;
}

export const NO_PROBLEMS: FieldProblems = { fields: {} };

/** The first key of a JSON path: `$.users[0]` → `users`. */
const FIRST_KEY = /^\$\.([A-Za-z_][\w]*)/;

/**
 * Puts an admin API refusal beside the fields it is about: each problem by the first key of its
 * JSON path, a taken name (409) on `name`, and a message without a path on the field `locate`
 * names (e.g. an unknown application on `application`). The rest is shown above the buttons.
 */
export function fieldProblems(error: unknown, fields: readonly string[], locate?: (message: string) => string | undefined): FieldProblems {
  const result: FieldProblems = { fields: {} };
  const add = (field: string | undefined, message: string) => {
    if (field && fields.includes(field)) result.fields[field] = result.fields[field] ? `${result.fields[field]}; ${message}` : message;
    else result.form = result.form ? `${result.form}; ${message}` : message;
  };
  if (!(error instanceof ApiError)) {
    add(undefined, errorMessage(error));
    return result;
  }
  if (error.problems.length > 0) {
    for (const problem of error.problems) add(FIRST_KEY.exec(problem.path)?.[1], problem.message);
    return result;
  }
  const message = capitalize(error.message);
  add(error.status === 409 ? 'name' : locate?.(error.message), message);
  return result;
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
