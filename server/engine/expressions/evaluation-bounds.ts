import { throwIfAborted } from '../run-aborted.error.js';
import { checkValueBytes, valueBytes } from '../run-budgets.js';
import type { ExpressionContext } from './expression-context.js';

/** The variable that carries one evaluation's state; unnameable in an expression (see SECRET_LOOKUP). */
export const EVALUATION_STATE = 'evaluation state';

/** One evaluation in progress. */
export interface EvaluationState {
  readonly context: ExpressionContext;
  steps: number;
  /** The run's budget for any one value a step returns. */
  readonly maxValueBytes: number;
}

const STEPS_BETWEEN_CHECKS = 256;

/**
 * JSONata's `__evaluate_entry` hook. JSONata itself bounds time and depth (its `timeout` and
 * `stack` options); this keeps a long evaluation from holding the event loop, so other requests
 * are served meanwhile, and stops it once its run is aborted.
 */
export function onEvaluateEntry(_expr: unknown, _input: unknown, environment: { lookup(name: string): unknown }): Promise<void> | undefined {
  const state = environment.lookup(EVALUATION_STATE) as EvaluationState | undefined;
  if (!state || ++state.steps % STEPS_BETWEEN_CHECKS !== 0) return undefined;
  throwIfAborted(state.context.signal);
  return state.context.pause();
}

/**
 * JSONata's `__evaluate_exit` hook: a value a step built (a string joined with `&`, a range, a
 * built-in's result) over the run's `maxValueBytes` fails the run before it grows further.
 */
export function onEvaluateExit(_expr: unknown, _input: unknown, environment: { lookup(name: string): unknown }, result: unknown): undefined {
  if (typeof result !== 'string' && !Array.isArray(result)) return undefined;
  const state = environment.lookup(EVALUATION_STATE) as EvaluationState | undefined;
  if (state) checkValueBytes(valueBytes(result), state.maxValueBytes);
  return undefined;
}
