import { columnValueProblem, type ColumnType } from '../../../shared/schemas/column-types.js';

/** A value read from text (a form field or a CSV cell), or why it does not fit its column. */
export type CellReading = { ok: true; value: unknown } | { ok: false; problem: string };

const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;
const TRUE = new Set(['true', 'yes', '1']);
const FALSE = new Set(['false', 'no', '0']);

function parse(type: ColumnType, text: string): CellReading {
  const trimmed = text.trim();
  switch (type) {
    case 'string':
      return { ok: true, value: text };
    case 'number':
      return NUMBER.test(trimmed) ? { ok: true, value: Number(trimmed) } : { ok: false, problem: `expected a number, got ${JSON.stringify(text)}` };
    case 'boolean': {
      const word = trimmed.toLowerCase();
      if (TRUE.has(word)) return { ok: true, value: true };
      if (FALSE.has(word)) return { ok: true, value: false };
      return { ok: false, problem: `expected true or false, got ${JSON.stringify(text)}` };
    }
    case 'date':
    case 'datetime':
      return { ok: true, value: trimmed };
    case 'json':
      try {
        return { ok: true, value: JSON.parse(trimmed) };
      } catch (error) {
        return { ok: false, problem: `not valid JSON: ${error instanceof Error ? error.message : String(error)}` };
      }
  }
}

/**
 * Reads a column's value from text as typed or as a CSV holds it: empty is null (no value); a
 * number in the usual notation; true/false (also yes/no and 1/0); a date `YYYY-MM-DD`, a date-time
 * with a zone; JSON for json. Checked with the same rule the server applies (`columnValueProblem`).
 */
export function readCell(type: ColumnType, text: string): CellReading {
  if (text.trim() === '' && !(type === 'string' && text !== '')) return { ok: true, value: null };
  const reading = parse(type, text);
  if (!reading.ok) return reading;
  const problem = columnValueProblem(type, reading.value);
  return problem ? { ok: false, problem } : reading;
}

/** A stored value as text for a form field or a CSV cell: null is empty, JSON is written out. */
export function cellText(type: ColumnType, value: unknown): string {
  if (value === null || value === undefined) return '';
  if (type === 'json' || typeof value === 'object') return JSON.stringify(value);
  return String(value);
}
