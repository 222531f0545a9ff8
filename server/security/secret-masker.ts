import { mapStrings } from '../../shared/expressions/secret-references.js';

/** What a secret value is replaced with wherever it could surface. */
export const SECRET_MASK = '****';

/** A copy of `value` in which every occurrence of each of `secrets`, in any string at any depth, is replaced by `****`. */
export function maskSecrets<T>(value: T, secrets: readonly string[]): T {
  const present = secrets.filter((secret) => secret.length > 0);
  if (present.length === 0) return value;
  // Longest first, so a value that contains another is masked whole.
  const ordered = [...present].sort((a, b) => b.length - a.length);
  return mapStrings(value, (text) => ordered.reduce((masked, secret) => (masked.includes(secret) ? masked.split(secret).join(SECRET_MASK) : masked), text));
}

/** A masker over the values a source currently knows (e.g. a `SecretVault`), for the console, errors and replies. */
export function secretMasker(source: { knownValues(): readonly string[] }): <T>(value: T) => T {
  return (value) => maskSecrets(value, source.knownValues());
}
