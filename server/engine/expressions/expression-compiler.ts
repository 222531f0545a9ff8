import jsonata from 'jsonata';
import { LinearRegExp, linearRegexProblem, regexLiterals } from '../../../shared/expressions/linear-regex.js';
import type { SecretResolver } from '../../security/secret-resolver.js';
import { RecordFailure } from '../record-failure.error.js';
import { RunAborted } from '../run-aborted.error.js';
import { RunBudgetExceeded } from '../run-budgets.js';
import type { DataRecord } from '../record.js';
import { bindDatasourceReferences, SECRET_LOOKUP } from './datasource-references.js';
import { EVALUATION_STATE, onEvaluateEntry, onEvaluateExit, type EvaluationState } from './evaluation-bounds.js';
import type { ExpressionContext } from './expression-context.js';
import { boundedPad, parseJson, queryParams, writeDebug, writeWarning } from './expression-functions.js';

/** Bounds on one evaluation (settings `expressionTimeoutMs` and `expressionMaxDepth`). */
export interface ExpressionLimits {
  timeoutMs: number;
  maxDepth: number;
}

/** The bounds the settings give every evaluation. */
export function expressionLimitsOf(settings: { expressionTimeoutMs: number; expressionMaxDepth: number }): ExpressionLimits {
  return { timeoutMs: settings.expressionTimeoutMs, maxDepth: settings.expressionMaxDepth };
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
const EXIT_HOOK = Symbol.for('jsonata.__evaluate_exit');

/**
 * An expression compiler with the helpers of DESIGN §4 bound and `_datasource.Name` resolved
 * through `secrets`. Regular expressions match in linear time (RE2 semantics); what RE2 cannot do
 * is a parse error. Every value a step returns is checked against the run's `maxValueBytes`.
 */
export function expressionCompiler(limits: ExpressionLimits, secrets: SecretResolver): ExpressionCompiler {
  return (text, label) => {
    let expression: jsonata.Expression;
    try {
      expression = jsonata(text, { timeout: limits.timeoutMs, stack: limits.maxDepth, RegexEngine: LinearRegExp as unknown as RegExpConstructor });
    } catch (error) {
      return failingExpression(text, `${label} is not a valid expression: ${describeJsonataError(error)}`);
    }
    const regexProblem = regexLiterals(expression.ast())
      .map(linearRegexProblem)
      .find((problem) => problem !== undefined);
    if (regexProblem) return failingExpression(text, `${label} is not a valid expression: ${regexProblem}`);
    bindDatasourceReferences(expression.ast());
    bindHelpers(expression, secrets);
    return {
      text,
      evaluate: async (input, arrived, context) => {
        const state: EvaluationState = { context, steps: 0, maxValueBytes: context.maxValueBytes };
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
const stateOf = (focus: Focus) => focus.environment.lookup(EVALUATION_STATE) as EvaluationState;
const contextOf = (focus: Focus) => stateOf(focus).context;

function bindHelpers(expression: jsonata.Expression, secrets: SecretResolver): void {
  expression.assign(ENTRY_HOOK as unknown as string, onEvaluateEntry);
  expression.assign(EXIT_HOOK as unknown as string, onEvaluateExit);
  expression.registerFunction(
    'pad',
    function (this: Focus, text: string, width: number, padding?: string) {
      return boundedPad(text, width, padding, stateOf(this).maxValueBytes);
    },
    '<s-ns?:s>',
  );
  expression.registerFunction('parseJson', parseJson, '<x?:x>');
  expression.registerFunction('queryParams', queryParams, '<x?:o>');
  expression.registerFunction(
    'debug',
    function (this: Focus, value: unknown, label?: string) {
      return writeDebug(contextOf(this), value, label);
    },
    '<x-s?:x>',
  );
  expression.registerFunction(
    'warning',
    function (this: Focus, text: unknown) {
      return writeWarning(contextOf(this), text);
    },
    '<x-:x>',
  );
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
  if (error instanceof RunAborted || error instanceof RecordFailure || error instanceof RunBudgetExceeded) return error;
  if ((error as { code?: unknown })?.code === USER_ERROR) return new RecordFailure(String((error as { message?: unknown }).message));
  return new RecordFailure(`${label}: ${describeJsonataError(error)}`);
}

/** JSONata throws plain objects with a code and a message; our helpers throw Errors. */
function describeJsonataError(error: unknown): string {
  const { message, position } = (error ?? {}) as { message?: unknown; position?: unknown };
  const text = typeof message === 'string' && message ? message : String(error);
  return typeof position === 'number' && (error as { code?: string }).code?.startsWith('S') ? `${text} (at character ${position})` : text;
}
