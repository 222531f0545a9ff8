import type { z } from 'zod';
import { problemsFromZod } from '../../shared/problem.js';
import { ValidationError } from '../errors/validation.error.js';

/** Parses a request body or query with its DTO schema; a mismatch is a 400 listing each problem. */
export function parseInput<S extends z.ZodType>(schema: S, value: unknown, what = 'the request body'): z.output<S> {
  const parsed = schema.safeParse(value ?? {});
  if (!parsed.success) throw new ValidationError(`${what} is not valid`, problemsFromZod(parsed.error));
  return parsed.data;
}

/** True when the query says `confirm=true` (deleting something that is referred to). */
export function confirmed(query: unknown): boolean {
  return (query as Record<string, unknown> | undefined)?.confirm === 'true';
}
