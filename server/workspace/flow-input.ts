import { problemsFromZod } from '../../shared/problem.js';
import { actionflowSchema, type Actionflow } from '../../shared/schemas/actionflow.schema.js';
import { checkActionflow } from '../../shared/validation/check-actionflow.js';
import { ValidationError } from '../errors/validation.error.js';

/**
 * Parses a flow from outside (admin API body, file): a shape that does not fit the schema is a 400
 * with every problem and its path. Node configs come back parsed (defaults filled) where they
 * parse; whether the flow may be stored with its problems is the workspace service's call.
 */
export function acceptFlow(raw: unknown): Actionflow {
  const parsed = actionflowSchema.safeParse(raw);
  if (!parsed.success) throw new ValidationError('the actionflow is not valid', problemsFromZod(parsed.error));
  return checkActionflow(parsed.data).flow;
}
