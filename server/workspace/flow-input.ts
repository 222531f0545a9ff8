import { problemsFromZod } from '../../shared/problem.js';
import { actionflowSchema, type Actionflow } from '../../shared/schemas/actionflow.schema.js';
import { checkActionflow } from '../../shared/validation/check-actionflow.js';
import { ValidationError } from '../errors/validation.error.js';

/** Parses and checks a flow from outside (admin API body, file); every problem is a 400 with its path. */
export function acceptFlow(raw: unknown): Actionflow {
  const parsed = actionflowSchema.safeParse(raw);
  if (!parsed.success) throw new ValidationError('the actionflow is not valid', problemsFromZod(parsed.error));
  const checked = checkActionflow(parsed.data);
  if (checked.problems.length > 0) throw new ValidationError(`the actionflow has ${checked.problems.length} problem(s)`, checked.problems);
  return checked.flow;
}
