import { RE2JS } from 're2js';

/**
 * Regular expressions in expressions run on RE2's linear-time engine (re2js, pure JavaScript,
 * so the designer checks patterns as you type too): no pattern and no input can make a match
 * backtrack for seconds. JSONata builds a JavaScript `RegExp` from `/pattern/flags` while it
 * parses (building one is cheap); matching goes through `LinearRegExp` instead.
 */

/** Why RE2 refuses a pattern that JavaScript accepts: the features it lacks, named for the message. */
const UNSUPPORTED_FEATURES: ReadonlyArray<[RegExp, string]> = [
  [/\(\?<?[=!]/, 'lookahead and lookbehind assertions ((?=...), (?!...), (?<=...), (?<!...))'],
  [/\\[1-9]|\\k</, 'backreferences (\\1, \\k<name>)'],
];

function flagsOf(regex: RegExp): number {
  let flags = 0;
  if (regex.ignoreCase) flags |= RE2JS.CASE_INSENSITIVE;
  if (regex.multiline) flags |= RE2JS.MULTILINE;
  if (regex.dotAll) flags |= RE2JS.DOTALL;
  return flags;
}

/** Compiles a JavaScript regular expression for RE2; throws with a message naming what RE2 cannot do. */
export function compileLinear(regex: RegExp): RE2JS {
  try {
    return RE2JS.compile(RE2JS.translateRegExp(regex.source), flagsOf(regex));
  } catch (error) {
    const feature = UNSUPPORTED_FEATURES.find(([pattern]) => pattern.test(regex.source))?.[1];
    const reason = feature ? `it uses ${feature}, which linear-time matching does not support` : (error as Error).message;
    throw new Error(`regular expression /${regex.source}/ cannot be used: ${reason}`);
  }
}

/** Why a regular expression cannot run on the linear-time engine, or undefined when it can. */
export function linearRegexProblem(regex: RegExp): string | undefined {
  try {
    compileLinear(regex);
    return undefined;
  } catch (error) {
    return (error as Error).message;
  }
}

/** What JSONata's regex evaluation needs of a match: the matched text and groups, and where it starts. */
type ExecResult = string[] & { index: number };

/**
 * A drop-in for `RegExp` as JSONata uses it (its `RegexEngine` option): `lastIndex` and `exec`,
 * always global. Matching is RE2's, in time linear in the input.
 */
export class LinearRegExp {
  lastIndex = 0;
  private readonly pattern: RE2JS;

  constructor(regex: RegExp) {
    this.pattern = compileLinear(regex);
  }

  exec(text: string): ExecResult | null {
    if (this.lastIndex > text.length) {
      this.lastIndex = 0;
      return null;
    }
    const matcher = this.pattern.matcher(text);
    if (!matcher.find(this.lastIndex)) {
      this.lastIndex = 0;
      return null;
    }
    const result = [] as unknown as ExecResult;
    for (let group = 0; group <= matcher.groupCount(); group++) result.push(matcher.group(group) ?? (undefined as unknown as string));
    result.index = matcher.start();
    const end = matcher.end();
    // An empty match moves on by one, as a global RegExp does, so a caller's loop always ends.
    this.lastIndex = end === result.index ? end + 1 : end;
    return result;
  }
}

/** Every regular expression literal in a parsed JSONata expression (its AST). */
export function regexLiterals(ast: unknown): RegExp[] {
  const found: RegExp[] = [];
  const seen = new Set<unknown>();
  const walk = (node: unknown, depth: number): void => {
    if (node === null || typeof node !== 'object' || seen.has(node) || depth > 500) return;
    seen.add(node);
    if (node instanceof RegExp) {
      found.push(node);
      return;
    }
    for (const value of Object.values(node)) walk(value, depth + 1);
  };
  walk(ast, 0);
  return found;
}
