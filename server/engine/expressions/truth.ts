/**
 * JSONata's `$boolean()`: false for undefined, null, "", 0, an empty object or array and functions;
 * an array holds when any member holds. A condition holds when this is true (DESIGN §4).
 */
export function holds(value: unknown): boolean {
  if (value === undefined || value === null) return false;
  switch (typeof value) {
    case 'boolean':
      return value;
    case 'string':
      return value.length > 0;
    case 'number':
      return value !== 0 && !Number.isNaN(value);
    case 'function':
      return false;
    case 'object': {
      if (Array.isArray(value)) return value.some(holds);
      const marked = value as { _jsonata_lambda?: unknown; _jsonata_function?: unknown };
      if (marked._jsonata_lambda === true || marked._jsonata_function === true) return false;
      return Object.keys(value).length > 0;
    }
    default:
      return false;
  }
}
