import jsonata from 'jsonata';
import { findExpressionFunction } from './function-catalog.js';
import { expressionReads, type ExpressionReads } from './expression-reads.js';
import { linearRegexProblem, regexLiterals } from './linear-regex.js';
import { splitTemplate } from './template-parts.js';

/** A field's text as checked: what is wrong with it, and what its parts read when they parse. Shared: never changed once made. */
export interface CheckedText {
  readonly problems: readonly string[];
  /** What the parts that parse read (one entry per expression part). */
  readonly reads: readonly ExpressionReads[];
}

/**
 * Expressions already checked, by text, the most recently used last. A flow is checked again on
 * every edit in the designer and on every read and save on the server, and most of its texts have
 * not changed since: parsing them again was most of the checks' time on a large flow.
 */
const checkedExpressions = new Map<string, CheckedText>();
const CHECKED_EXPRESSIONS_KEPT = 4000;
/** Longer texts are checked each time rather than kept. */
const LONGEST_KEPT = 4096;

/** Checks JSONata text as the engine will compile it: it parses, its regular expressions run in linear time, and no `$` function is called without `$`. */
export function checkExpressionText(text: string): CheckedText {
  const known = checkedExpressions.get(text);
  if (known) {
    checkedExpressions.delete(text);
    checkedExpressions.set(text, known);
    return known;
  }
  const checked = checkExpression(text);
  if (text.length <= LONGEST_KEPT) {
    if (checkedExpressions.size >= CHECKED_EXPRESSIONS_KEPT) checkedExpressions.delete(checkedExpressions.keys().next().value!);
    checkedExpressions.set(text, checked);
  }
  return checked;
}

function checkExpression(text: string): CheckedText {
  let ast: unknown;
  try {
    ast = jsonata(text).ast();
  } catch (error) {
    return { problems: [`does not parse: ${describeParseError(error)}`], reads: [] };
  }
  const problems: string[] = [];
  for (const regex of regexLiterals(ast)) {
    const problem = linearRegexProblem(regex);
    if (problem) problems.push(`uses /${regex.source}/, which cannot run: ${problem.replace(/^regular expression \/[\s\S]*\/ cannot be used: /, '')}`);
  }
  const reads = expressionReads(ast);
  for (const name of reads.bareCalls) problems.push(bareCallProblem(name));
  return { problems, reads: [reads] };
}

/** Checks a template: each `${…}` part as an expression, and the parts themselves closed and not empty. */
export function checkTemplateText(text: string): CheckedText {
  let parts: ReturnType<typeof splitTemplate>;
  try {
    parts = splitTemplate(text);
  } catch (error) {
    return { problems: [`is not valid: ${(error as Error).message}`], reads: [] };
  }
  const problems: string[] = [];
  const reads: ExpressionReads[] = [];
  for (const part of parts) {
    if (typeof part === 'string') continue;
    const result = checkExpressionText(part.expression);
    problems.push(...result.problems.map((problem) => `\${${part.expression.trim()}} ${problem}`));
    reads.push(...result.reads);
  }
  return { problems, reads };
}

function bareCallProblem(name: string): string {
  if (findExpressionFunction(name)) return `calls ${name}(…) without "$": write $${name}(…)`;
  return `calls ${name}(…), which is not a function: functions are called with "$", e.g. $${name}(…)`;
}

/** JSONata throws plain objects with a code, a message and the position just after the fault. */
function describeParseError(error: unknown): string {
  const { message, position } = (error ?? {}) as { message?: unknown; position?: unknown };
  const text = typeof message === 'string' && message ? message : String(error);
  return typeof position === 'number' ? `${text} (at character ${position})` : text;
}
