import jsonata from 'jsonata';

/** A parse error of an expression: where (0-based offset into the text) and what. */
export interface ExpressionProblem {
  from: number;
  to: number;
  message: string;
}

interface JsonataError {
  message?: string;
  position?: number;
  token?: string;
}

/** Compiles `text` as JSONata; returns the parse error, if any, with its place in `text`. */
export function expressionProblem(text: string, offset = 0): ExpressionProblem | null {
  if (text.trim() === '') return null;
  try {
    jsonata(text);
    return null;
  } catch (error) {
    const { message = String(error), position, token } = error as JsonataError;
    // jsonata reports the position just after the offending token.
    const end = Math.min(typeof position === 'number' ? position : text.length, text.length);
    const length = token && token !== '(end)' ? String(token).length : 1;
    const start = Math.max(0, end - length);
    return { from: offset + start, to: offset + Math.max(end, start + 1), message };
  }
}

/** The `${…}` parts of a template, with where each expression starts. */
export function templateParts(text: string): { expression: string; offset: number }[] {
  const parts: { expression: string; offset: number }[] = [];
  let index = text.indexOf('${');
  while (index >= 0) {
    let depth = 0;
    let end = -1;
    for (let i = index + 2; i < text.length; i++) {
      const ch = text[i];
      if (ch === '{') depth++;
      else if (ch === '}') {
        if (depth === 0) {
          end = i;
          break;
        }
        depth--;
      }
    }
    if (end < 0) {
      parts.push({ expression: text.slice(index + 2), offset: index + 2 });
      break;
    }
    parts.push({ expression: text.slice(index + 2, end), offset: index + 2 });
    index = text.indexOf('${', end + 1);
  }
  return parts;
}

/** The first problem of a template: an unclosed `${`, or a part that does not compile. */
export function templateProblem(text: string): ExpressionProblem | null {
  for (const part of templateParts(text)) {
    const closed = text.indexOf('}', part.offset + part.expression.length) === part.offset + part.expression.length;
    if (!closed) return { from: part.offset - 2, to: text.length, message: 'a ${ part is not closed with }' };
    if (part.expression.trim() === '') return { from: part.offset - 2, to: part.offset + 1, message: 'an empty ${} part' };
    const problem = expressionProblem(part.expression, part.offset);
    if (problem) return problem;
  }
  return null;
}

/** Line and column (1-based) of an offset, for the message under the field. */
export function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset).split('\n');
  return { line: before.length, column: before[before.length - 1]!.length + 1 };
}

/** The parse problem of a value in `mode`: a JSONata expression, or a template with `${…}` parts. */
export function problemOf(value: string, mode: 'expression' | 'template'): ExpressionProblem | null {
  return mode === 'template' ? templateProblem(value) : expressionProblem(value);
}
