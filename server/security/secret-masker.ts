/**
 * What a secret value (or an Authorization header) is replaced with wherever it could surface:
 * the console, errors, replies. The values to mask come from `SecretResolver.knownValues()` (all
 * stored values) or from what a run resolved; `server/engine/mask.ts` does the replacing.
 */
export const SECRET_MASK = '****';
