import jsonata from 'jsonata';
import type { SecretResolver } from '../../security/secret-resolver.js';
import { RecordFailure } from '../record-failure.error.js';
import { RunAborted } from '../run-aborted.error.js';
import type { DataRecord } from '../record.js';
import { bindDatasourceReferences, SECRET_LOOKUP } from './datasource-references.js';
import { EVALUATION_STATE, onEvaluateEntry, type EvaluationState } from './evaluation-bounds.js';
import type { ExpressionContext } from './expression-context.js';
import { parseJson, queryParams, writeDebug, writeWarning } from './expression-functions.js';

/** Bounds on one evaluation (settings `expressionTimeoutMs` and `expressionMaxDepth`). */
export interface ExpressionLimits {
  timeoutMs: number;
  maxDepth: number;
}

/** An expression compiled once per flow version. */
export interface CompiledExpression {
  readonly text: string;
  /**
   * Evaluates with `input` as the input and `$in` bound to `arrived` (the record as it arrived at
   * the node). Any failure rejects with a `RecordFailure` naming what was evaluated, or `RunAborted`.
   */
  evaluate(input: unknown, arrived: DataRecord, context: ExpressionContext): Promise<unknown>;
}

/** Compiles JSONata text; `label` says what the expression is (`attribute "since"`) in failure messages. */
export type ExpressionCompiler = (text: string, label: string) => CompiledExpression;

/** JSONata's code for `$error(message)`: its message is the user's own and is reported as it is. */
const USER_ERROR = 'D3137';

const ENTRY_HOOK = Symbol.for('jsonata.__evaluate_entry');

/** An expression compiler with the helpers of DESIGN §4 bound and `_datasource.Name` resolved through `secrets`. */
export function expressionCompiler(limits: ExpressionLimits, secrets: SecretResolver): ExpressionCompiler {
  return (text, label) => {
    let expression: jsonata.Expression;
    try {
      expression = jsonata(text, { timeout: limits.timeoutMs, stack: limits.maxDepth });
    } catch (error) {
      return failingExpression(text, `${label} is not a valid expression: ${describeJsonataError(error)}`);
    }
    bindDatasourceReferences(expression.ast());
    bindHelpers(expression, secrets);
    return {
      text,
      evaluate: async (input, arrived, context) => {
        const state: EvaluationState = { context, steps: 0, lastYield: Date.now() };
        try {
          return (await expression.evaluate(input, { in: arrived, [EVALUATION_STATE]: state })) as unknown;
        } catch (error) {
          throw failureOf(error, label);
        }
      },
    };
  };
}

type Focus = { environment: { lookup(name: string): unknown } };
const contextOf = (focus: Focus) => (focus.environment.lookup(EVALUATION_STATE) as EvaluationState).context;

function bindHelpers(expression: jsonata.Expression, secrets: SecretResolver): void {
  expression.assign(ENTRY_HOOK as unknown as string, onEvaluateEntry);
  expression.registerFunction('parseJson', parseJson, '<x?:x>');
  expression.registerFunction('queryParams', queryParams, '<x?:o>');
  expression.registerFunction('debug', function (this: Focus, value: unknown, label?: string) {
    return writeDebug(contextOf(this), value, label);
  }, '<x-s?:x>');
  expression.registerFunction('warning', function (this: Focus, text: unknown) {
    return writeWarning(contextOf(this), text);
  }, '<x-:x>');
  expression.registerFunction(SECRET_LOOKUP, function (this: Focus, name: string) {
    const value = secrets.valueOf(name);
    contextOf(this).noteSecret(value);
    return value;
  });
}

function failingExpression(text: string, message: string): CompiledExpression {
  return { text, evaluate: () => Promise.reject(new RecordFailure(message)) };
}

function failureOf(error: unknown, label: string): Error {
  if (error instanceof RunAborted || error instanceof RecordFailure) return error;
  if ((error as { code?: unknown })?.code === USER_ERROR) return new RecordFailure(String((error as { message?: unknown }).message));
  return new RecordFailure(`${label}: ${describeJsonataError(error)}`);
}

/** JSONata throws plain objects with a code and a message; our helpers throw Errors. */
function describeJsonataError(error: unknown): string {
  const { message, position } = (error ?? {}) as { message?: unknown; position?: unknown };
  const text = typeof message === 'string' && message ? message : String(error);
  return typeof position === 'number' && (error as { code?: string }).code?.startsWith('S') ? `${text} (at character ${position})` : text;
}
