import { RecordFailure } from '../record-failure.error.js';
import type { DataRecord } from '../record.js';
import type { ExpressionContext } from './expression-context.js';
import type { CompiledExpression, ExpressionCompiler } from './expression-compiler.js';

/** Text with `${expression}` parts (DESIGN §4), compiled once. */
export interface CompiledTemplate {
  render(input: unknown, arrived: DataRecord, context: ExpressionContext): Promise<string>;
}

type Part = string | CompiledExpression;

/**
 * Compiles a template. Each inserted value is a string as it is, an object or array as JSON,
 * undefined as ""; `encode` (an http node's URL) then percent-encodes it.
 */
export function compileTemplate(text: string, label: string, compile: ExpressionCompiler, encode?: (value: string) => string): CompiledTemplate {
  let parts: Part[];
  try {
    parts = splitTemplate(text).map((part) => (typeof part === 'string' ? part : compile(part.expression, label)));
  } catch (error) {
    const message = `${label} is not a valid template: ${(error as Error).message}`;
    return { render: () => Promise.reject(new RecordFailure(message)) };
  }
  if (parts.every((part) => typeof part === 'string')) {
    const constant = parts.join('');
    return { render: () => Promise.resolve(constant) };
  }
  return {
    render: async (input, arrived, context) => {
      let out = '';
      for (const part of parts) {
        if (typeof part === 'string') out += part;
        else {
          const inserted = insertedText(await part.evaluate(input, arrived, context));
          out += encode ? encode(inserted) : inserted;
        }
      }
      return out;
    },
  };
}

/** How a value is written into a template. */
export function insertedText(value: unknown): string {
  if (value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'object' && value !== null) return JSON.stringify(value) ?? '';
  return String(value);
}

/**
 * Splits a template into literal text and `${...}` expressions. The closing brace is found by
 * counting braces outside string literals and comments, so `${ {"a": 1}.a }` works.
 */
export function splitTemplate(text: string): (string | { expression: string })[] {
  const parts: (string | { expression: string })[] = [];
  let literal = '';
  let index = 0;
  while (index < text.length) {
    const start = text.indexOf('${', index);
    if (start < 0) {
      literal += text.slice(index);
      break;
    }
    literal += text.slice(index, start);
    const end = closingBrace(text, start + 2);
    if (end < 0) throw new Error(`"\${" at character ${start + 1} has no closing "}"`);
    const expression = text.slice(start + 2, end);
    if (!expression.trim()) throw new Error(`"\${}" at character ${start + 1} holds no expression`);
    if (literal) parts.push(literal);
    literal = '';
    parts.push({ expression });
    index = end + 1;
  }
  if (literal) parts.push(literal);
  return parts;
}

function closingBrace(text: string, from: number): number {
  let depth = 0;
  for (let i = from; i < text.length; i++) {
    const char = text[i];
    if (char === '"' || char === "'" || char === '`') {
      i = skipQuoted(text, i, char);
      if (i < 0) return -1;
    } else if (char === '/' && text[i + 1] === '*') {
      const close = text.indexOf('*/', i + 2);
      if (close < 0) return -1;
      i = close + 1;
    } else if (char === '{') depth++;
    else if (char === '}') {
      if (depth === 0) return i;
      depth--;
    }
  }
  return -1;
}

function skipQuoted(text: string, open: number, quote: string): number {
  for (let i = open + 1; i < text.length; i++) {
    if (text[i] === '\\' && quote !== '`') i++;
    else if (text[i] === quote) return i;
  }
  return -1;
}
