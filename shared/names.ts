import { z } from 'zod';

/** Attribute names that `apiInput` always emits and that `?timeout=` uses; a declared parameter may not take them. */
export const RESERVED_PARAMETER_NAMES = ['body', 'headers', 'contentType', 'url', 'timeout'] as const;

export const MAX_NAME_LENGTH = 100;

const CONTROL_CHARACTER = /[\u0000-\u001f\u007f-\u009f]/u;
/** Half of a surrogate pair without the other half: not a character, and `encodeURIComponent` throws on it. */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
/** Embeddings, overrides and isolates: they make a name display as other than it is (U+202E shows text backwards). */
const BIDI_CONTROL = /[\u202a-\u202e\u2066-\u2069]/;

/** The canonical form of a name: trimmed, Unicode NFC. Names are compared in this form, case-sensitively. */
export function normalizeName(name: string): string {
  return name.trim().normalize('NFC');
}

/** Why a (normalized) name is not acceptable, or null when it is. */
export function nameProblem(name: string): string | null {
  const length = [...name].length;
  if (length === 0) return 'must not be empty';
  if (length > MAX_NAME_LENGTH) return `must be at most ${MAX_NAME_LENGTH} characters (has ${length})`;
  if (name === '.' || name === '..') return `must not be "${name}"`;
  if (name.includes('/')) return 'must not contain "/"';
  if (CONTROL_CHARACTER.test(name)) return 'must not contain control characters';
  if (LONE_SURROGATE.test(name)) return 'must be well-formed Unicode (it holds half of a surrogate pair)';
  if (BIDI_CONTROL.test(name)) return 'must not contain bidirectional override characters (U+202A-U+202E, U+2066-U+2069)';
  return null;
}

/** A name of DESIGN §3: trimmed, NFC, 1-100 characters, not `.` or `..`, no `/`, no control character, well-formed, no bidirectional override. */
export const nameSchema = z
  .string()
  .transform(normalizeName)
  .superRefine((name, ctx) => {
    const problem = nameProblem(name);
    if (problem) ctx.addIssue({ code: 'custom', message: `name ${problem}` });
  });

export type Name = z.output<typeof nameSchema>;
