import { checkValueBytes } from '../run-budgets.js';
import type { ExpressionContext } from './expression-context.js';

/** How deep `$parseJson` nests arrays and objects: deeper values would overflow the stack of whatever walks them later. */
export const MAX_JSON_DEPTH = 512;

/** `$parseJson(text)`: strict JSON, never evaluated as an expression; undefined stays undefined. */
export function parseJson(text: unknown): unknown {
  if (text === undefined) return undefined;
  if (typeof text !== 'string') throw new Error(`$parseJson expects text, got ${text === null ? 'null' : Array.isArray(text) ? 'an array' : typeof text}`);
  if (text.length > 2 * MAX_JSON_DEPTH && nestingDepth(text) > MAX_JSON_DEPTH) {
    throw new Error(`$parseJson: the JSON nests arrays and objects more than ${MAX_JSON_DEPTH} deep`);
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new Error(`$parseJson: the text is not valid JSON (${(error as Error).message})`);
  }
}

/** The deepest nesting of arrays and objects in JSON text (brackets inside strings do not count). */
function nestingDepth(text: string): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (inString) {
      if (code === 0x5c) index++;
      else if (code === 0x22) inString = false;
    } else if (code === 0x22) inString = true;
    else if (code === 0x5b || code === 0x7b) deepest = Math.max(deepest, ++depth);
    else if (code === 0x5d || code === 0x7d) depth--;
  }
  return deepest;
}

/** `$queryParams(url)`: the query of a URL (or of a bare `?a=1&b=2`) as an object; a repeated key gives an array. */
export function queryParams(url: unknown): Record<string, string | string[]> | undefined {
  if (url === undefined) return undefined;
  if (typeof url !== 'string') throw new Error(`$queryParams expects a URL as text, got ${url === null ? 'null' : typeof url}`);
  const question = url.indexOf('?');
  return queryObject(question < 0 ? '' : url.slice(question + 1).split('#', 1)[0]!);
}

/** A query string (without `?`) as an object; a repeated key gives an array in order. */
export function queryObject(query: string): Record<string, string | string[]> {
  const result: Record<string, string | string[]> = {};
  if (!query) return result;
  for (const [key, value] of new URLSearchParams(query)) {
    const existing = result[key];
    if (existing === undefined) result[key] = value;
    else if (Array.isArray(existing)) existing.push(value);
    else result[key] = [existing, value];
  }
  return result;
}

const PREVIEW_LENGTH = 200;

/** A value as one short line of a console message. */
export function previewOf(value: unknown): string {
  const text = value === undefined ? 'undefined' : typeof value === 'string' ? value : (JSON.stringify(value) ?? String(value));
  return text.length > PREVIEW_LENGTH ? `${text.slice(0, PREVIEW_LENGTH)}…` : text;
}

/** `$debug(value, label?)`: writes a `Debug` message; returns the value. */
export function writeDebug(context: ExpressionContext, value: unknown, label?: string): unknown {
  const shown = context.mask(value);
  context.log.add('Debug', `${label ?? context.node}: ${previewOf(shown)}`, { node: context.node, ...(label === undefined ? {} : { label }), value: shown });
  return value;
}

/** `$warning(text)`: writes a `Warning` message; returns the text. */
export function writeWarning(context: ExpressionContext, text: unknown): unknown {
  const line = typeof text === 'string' ? text : previewOf(text);
  context.log.add('Warning', context.mask(line) as string, { node: context.node });
  return text;
}

/**
 * `$pad(text, width, padding?)` as JSONata's own, with the width checked against the run's value
 * budget before the string is built (a small call could otherwise ask for gigabytes).
 */
export function boundedPad(text: string | undefined, width: number, padding: string | undefined, maxValueBytes: number): string | undefined {
  if (text === undefined) return undefined;
  const whole = Math.trunc(width);
  checkValueBytes(Math.abs(whole), maxValueBytes);
  const fill = Array.from(padding === undefined || padding.length === 0 ? ' ' : padding);
  // Widths count characters (code points), as JSONata's own $pad does.
  const missing = Math.abs(whole) - Array.from(text).length;
  if (missing <= 0) return text;
  const filler = fill.join('').repeat(Math.floor(missing / fill.length)) + fill.slice(0, missing % fill.length).join('');
  return whole > 0 ? text + filler : filler + text;
}
