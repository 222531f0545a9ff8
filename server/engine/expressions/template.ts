import { RecordFailure } from '../record-failure.error.js';
import type { DataRecord } from '../record.js';
import type { ExpressionContext } from './expression-context.js';
import type { CompiledExpression, ExpressionCompiler } from './expression-compiler.js';
import { splitTemplate } from '../../../shared/expressions/template-parts.js';

export { splitTemplate };

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
