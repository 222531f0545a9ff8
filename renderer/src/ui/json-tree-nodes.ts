/** One member of an object or array, as the JSON tree lists it. */
export interface JsonChild {
  /** The member's name, or its index for an array. */
  key: string;
  value: unknown;
  /** A path unique in the tree (`$.headers["content-type"]`), the item's id. */
  path: string;
}

/** Children listed under one item at most; the rest is summed up in one line. */
export const MAX_CHILDREN = 200;
/** Characters of a string shown; the rest is summed up. */
export const MAX_STRING = 2000;

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/**
 * A string holding a JSON object or array (a request or reply body in a console message) as its
 * parsed value, so it can be opened like any other; anything else is undefined.
 */
export function jsonInText(value: unknown): object | undefined {
  if (typeof value !== 'string' || !/^\s*[[{]/.test(value)) return undefined;
  try {
    const parsed: unknown = JSON.parse(value);
    return typeof parsed === 'object' && parsed !== null ? parsed : undefined;
  } catch {
    return undefined;
  }
}

/** The members of an object or array (or of JSON text), the first `MAX_CHILDREN` of them; null for a plain value. */
export function jsonChildren(value: unknown, path: string): { children: JsonChild[]; hidden: number } | null {
  const container = typeof value === 'object' && value !== null ? value : jsonInText(value);
  if (container === undefined) return null;
  const entries: [string, unknown][] = Array.isArray(container) ? container.map((item, index) => [String(index), item]) : Object.entries(container);
  const children = entries.slice(0, MAX_CHILDREN).map(([key, child]) => ({
    key,
    value: child,
    path: Array.isArray(container) ? `${path}[${key}]` : IDENTIFIER.test(key) ? `${path}.${key}` : `${path}[${JSON.stringify(key)}]`,
  }));
  return { children, hidden: Math.max(0, entries.length - MAX_CHILDREN) };
}

/** A one-line view of a value: strings quoted (and cut), `{3 keys}`, `[5 items]`, `JSON text {2 keys}`. */
export function jsonPreview(value: unknown): string {
  if (typeof value === 'string') {
    const inside = jsonInText(value);
    if (inside) return `JSON text ${jsonPreview(inside)}`;
    const shown = value.length > MAX_STRING ? `${value.slice(0, MAX_STRING)}… (${value.length - MAX_STRING} more characters)` : value;
    return JSON.stringify(shown);
  }
  if (Array.isArray(value)) return `[${value.length} item${value.length === 1 ? '' : 's'}]`;
  if (typeof value === 'object' && value !== null) {
    const count = Object.keys(value).length;
    return `{${count} key${count === 1 ? '' : 's'}}`;
  }
  return value === undefined ? 'undefined' : JSON.stringify(value);
}

/** The kind of a value, for its colour: string, number, boolean, null or container. */
export function jsonKind(value: unknown): 'string' | 'number' | 'boolean' | 'null' | 'container' {
  if (value === null) return 'null';
  if (typeof value === 'object' || jsonInText(value)) return 'container';
  if (typeof value === 'number' || typeof value === 'boolean') return typeof value as 'number' | 'boolean';
  return 'string';
}
