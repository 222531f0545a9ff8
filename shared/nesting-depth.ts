import type { PathSegment } from './json-path.js';

/** How deep objects and arrays may nest in a stored or imported value (DESIGN §3). */
export const MAX_NESTING_DEPTH = 64;

/**
 * The path to the first object or array nested more than `maxDepth` levels deep in `value` (the
 * value itself being level 1), or undefined when there is none. Walks without recursion, so a
 * value nested 100,000 deep is measured, not a stack overflow.
 */
export function tooDeepAt(value: unknown, maxDepth = MAX_NESTING_DEPTH): PathSegment[] | undefined {
  const stack: { value: unknown; path: PathSegment[] }[] = [{ value, path: [] }];
  while (stack.length > 0) {
    const { value: current, path } = stack.pop()!;
    if (current === null || typeof current !== 'object') continue;
    if (path.length >= maxDepth) return path;
    const entries: [PathSegment, unknown][] = Array.isArray(current) ? current.map((item, index) => [index, item]) : Object.entries(current);
    for (const [key, item] of entries) if (item !== null && typeof item === 'object') stack.push({ value: item, path: [...path, key] });
  }
  return undefined;
}

/** The message for a value nested too deep. */
export const TOO_DEEP = `nested more than ${MAX_NESTING_DEPTH} levels deep`;
