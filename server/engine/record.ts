/** A record: a JSON object flowing from node to node (DESIGN §4). */
export type DataRecord = Record<string, unknown>;

/** True for a JSONata function or lambda, or a JavaScript function: values a record cannot carry. */
export function isFunctionValue(value: unknown): boolean {
  if (typeof value === 'function') return true;
  if (value === null || typeof value !== 'object') return false;
  const marked = value as { _jsonata_lambda?: unknown; _jsonata_function?: unknown };
  return marked._jsonata_lambda === true || marked._jsonata_function === true;
}

/** A value fit to be set as an attribute: a function (which JSON cannot hold) becomes undefined. */
export function attributeValue(value: unknown): unknown {
  return isFunctionValue(value) ? undefined : value;
}

/**
 * A deep copy of a JSON-like value. Functions are left out, as JSON would leave them out; shared
 * sub-objects are copied where they appear, so the copy has no ties to the original.
 */
export function copyValue<T>(value: T): T {
  if (value === null || typeof value !== 'object') return (typeof value === 'function' ? undefined : value) as T;
  if (isFunctionValue(value)) return undefined as T;
  if (Array.isArray(value)) return (value as unknown[]).map((item) => copyValue(item)) as T;
  const copy: Record<string, unknown> = {};
  for (const key of Object.keys(value)) {
    const item = copyValue((value as Record<string, unknown>)[key]);
    if (item !== undefined) copy[key] = item;
  }
  return copy as T;
}
