import { SECRET_MASK } from '../security/secret-masker.js';

/**
 * A copy of `value` fit to show: every `authorization` attribute (a header) and every secret
 * value, wherever it occurs inside a string, replaced by the mask.
 */
export function maskValue(value: unknown, secrets: ReadonlySet<string>): unknown {
  return maskWith(value, longestFirst(secrets));
}

function maskWith(value: unknown, secrets: readonly string[]): unknown {
  if (typeof value === 'string') return replaceSecrets(value, secrets);
  if (value === null || typeof value !== 'object' || typeof value === 'function') return typeof value === 'function' ? undefined : value;
  if (Array.isArray(value)) return value.map((item) => maskWith(item, secrets));
  const masked: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    if ((item as { _jsonata_lambda?: unknown } | null)?._jsonata_lambda === true) continue;
    masked[key] = key.toLowerCase() === 'authorization' ? SECRET_MASK : maskWith(item, secrets);
  }
  return masked;
}

/** Request headers (lower-case names) as a console message shows them: the Authorization value masked; the same object when there is none. */
export function withMaskedAuthorization(headers: Record<string, string | string[]>): Record<string, string | string[]> {
  return headers.authorization === undefined ? headers : { ...headers, authorization: SECRET_MASK };
}

/** `text` with each secret value in it replaced by the mask. */
export function maskText(text: string, secrets: ReadonlySet<string>): string {
  return replaceSecrets(text, longestFirst(secrets));
}

/** Text that may hold secret values as they are or as JSON writes them inside a string, masked either way. */
export function maskSerialized(text: string, secrets: ReadonlySet<string>): string {
  return secrets.size === 0 ? text : serializedMasker(secrets)(text);
}

/** Masks texts as `maskSerialized` does, with the forms of the secrets worked out once for many texts. */
export function serializedMasker(secrets: Iterable<string>): (text: string) => string {
  const ordered = longestFirst(serializedForms(secrets));
  return (text) => replaceSecrets(text, ordered);
}

/** Each secret value as it is and as JSON writes it inside a string (quotes and backslashes escaped). */
function serializedForms(secrets: Iterable<string>): Set<string> {
  const forms = new Set<string>();
  for (const secret of secrets) {
    if (!secret) continue;
    forms.add(secret);
    forms.add(JSON.stringify(secret).slice(1, -1));
  }
  return forms;
}

/** Masks JSON text as `maskJson` does, with the secrets worked out once for many texts. */
export function serializedJsonMasker(secrets: Iterable<string>): (json: string) => string {
  const values = new Set([...secrets].filter(Boolean));
  if (values.size === 0) return (json) => json;
  const ordered = longestFirst(values);
  // How each value shows in JSON text, to pass over a text that holds none of them untouched.
  const forms = [...serializedForms(values)];
  return (json) => {
    if (!forms.some((form) => json.includes(form))) return json;
    return json.replace(JSON_TOKEN, (token) => {
      if (!token.startsWith('"')) return token.length >= MASKED_NUMBER_LENGTH && values.has(token) ? JSON.stringify(SECRET_MASK) : token;
      const value = JSON.parse(token) as string;
      const masked = replaceSecrets(value, ordered);
      return masked === value ? token : JSON.stringify(masked);
    });
  };
}

/**
 * JSON text with every secret value masked where a value is: inside its strings (keys too), and a
 * number of 8 digits or more that is a secret value whole, which becomes the mask as a string.
 * Unlike `maskSerialized`, the result is still JSON whatever the values are, and its structure is
 * kept: a secret value `2` leaves `"status":200`, a count or an index as they are.
 */
export function maskJson(json: string, secrets: ReadonlySet<string>): string {
  return secrets.size === 0 ? json : serializedJsonMasker(secrets)(json);
}

/** Shorter numbers are counts, indexes, statuses and sizes; a secret value that short is masked in strings only. */
const MASKED_NUMBER_LENGTH = 8;

/** A JSON string (with its escapes), or a number or literal, in JSON text. */
const JSON_TOKEN = /"(?:[^"\\]|\\.)*"|-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?|true|false|null/g;

/**
 * Longest first: a secret that contains another must be replaced whole, or masking the shorter
 * one first would leave the rest of the longer one in plain sight.
 */
function longestFirst(secrets: ReadonlySet<string>): readonly string[] {
  const list = [...secrets];
  return list.length < 2 ? list : list.sort((a, b) => b.length - a.length);
}

function replaceSecrets(text: string, secrets: readonly string[]): string {
  let masked = text;
  for (const secret of secrets) if (secret && masked.includes(secret)) masked = masked.replaceAll(secret, SECRET_MASK);
  return masked;
}
