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
  const forms = new Set<string>();
  for (const secret of secrets) {
    if (!secret) continue;
    forms.add(secret);
    forms.add(JSON.stringify(secret).slice(1, -1));
  }
  const ordered = longestFirst(forms);
  return (text) => replaceSecrets(text, ordered);
}

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
