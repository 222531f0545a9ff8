import { EXPRESSION_FUNCTIONS } from '../../../../shared/expressions/function-catalog.js';

/** One suggestion of an expression field: an attribute name or a `$` function with its signature. */
export interface CompletionOption {
  label: string;
  /** The function's signature, or "attribute". */
  detail: string;
  /** What replaces the word being typed. */
  insert: string;
}

/** What to suggest at the cursor: where the word being typed starts and what could complete it. */
export interface Completions {
  from: number;
  options: CompletionOption[];
}

const WORD_BEFORE = /\$?[A-Za-z_][\w]*$|\$$/;
const PLAIN_NAME = /^[A-Za-z_][\w]*$/;
const LIMIT = 12;

/**
 * Suggestions for the word before `cursor` in an expression: after `$`, the `$` functions (ours and
 * JSONata's); otherwise the attribute names that can reach the node. Nothing inside a string.
 */
export function completionsAt(text: string, cursor: number, attributes: readonly string[]): Completions | null {
  const before = text.slice(0, cursor);
  if (insideString(before)) return null;
  const word = WORD_BEFORE.exec(before)?.[0];
  if (!word) return null;
  const from = cursor - word.length;
  // A name after a dot is a step into a value, not an attribute of the record.
  if (before[from - 1] === '.') return null;
  const options = word.startsWith('$')
    ? EXPRESSION_FUNCTIONS.filter((fn) => fn.name.toLowerCase().startsWith(word.slice(1).toLowerCase())).map((fn) => ({
        label: `$${fn.name}`,
        detail: fn.signature,
        insert: `$${fn.name}(`,
      }))
    : attributes
        .filter((name) => name !== word && name.toLowerCase().startsWith(word.toLowerCase()))
        .map((name) => ({ label: name, detail: 'attribute', insert: PLAIN_NAME.test(name) ? name : `\`${name}\`` }));
  return options.length > 0 ? { from, options: options.slice(0, LIMIT) } : null;
}

function insideString(text: string): boolean {
  let quote: string | null = null;
  for (let i = 0; i < text.length; i++) {
    const char = text[i]!;
    if (quote) {
      if (char === '\\') i++;
      else if (char === quote) quote = null;
    } else if (char === '"' || char === "'") quote = char;
  }
  return quote !== null;
}
