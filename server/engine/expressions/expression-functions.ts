import type { ExpressionContext } from './expression-context.js';

/** `$parseJson(text)`: strict JSON, never evaluated as an expression; undefined stays undefined. */
export function parseJson(text: unknown): unknown {
  if (text === undefined) return undefined;
  if (typeof text !== 'string') throw new Error(`$parseJson expects text, got ${text === null ? 'null' : Array.isArray(text) ? 'an array' : typeof text}`);
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new Error(`$parseJson: the text is not valid JSON (${(error as Error).message})`);
  }
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
