import { errors, jwtVerify, SignJWT } from 'jose';

/** The one algorithm API keys are signed and verified with (DESIGN §5 "Auth"); any other is refused. */
export const API_KEY_ALGORITHM = 'HS256';
/** A header longer than this is not an API key; refusing it early bounds the work a caller can cause. */
const MAX_KEY_LENGTH = 4096;

export interface ApiKeyClaims {
  /** The user the key belongs to (`sub`). */
  user: string;
  /** The key's id (`jti`), which its record in studio.db carries. */
  id: string;
}

/** Signs an API key: an HS256 JWT with the user as `sub`, the key id as `jti`, and `exp` when it expires. */
export async function signApiKey(claims: ApiKeyClaims & { issuedAt: Date; expiresAt: Date | null }, signingKey: Uint8Array): Promise<string> {
  const jwt = new SignJWT({}).setProtectedHeader({ alg: API_KEY_ALGORITHM, typ: 'JWT' }).setSubject(claims.user).setJti(claims.id).setIssuedAt(claims.issuedAt);
  if (claims.expiresAt) jwt.setExpirationTime(claims.expiresAt);
  return jwt.sign(signingKey);
}

/** The key in an Authorization header: bare or after `Bearer `; undefined when the header holds nothing. */
export function apiKeyFromHeader(authorization: string | undefined): string | undefined {
  const value = authorization?.trim() ?? '';
  const key = /^bearer(\s|$)/i.test(value) ? value.slice(6).trim() : value;
  return key === '' ? undefined : key;
}

export type TokenCheck = { ok: true; claims: ApiKeyClaims } | { ok: false; reason: 'invalid' | 'expired' };

/**
 * Verifies a key's signature with the pinned algorithm (so `alg: none`, HS512 or an RS/ES algorithm
 * are refused, whatever the token's header says) and its `exp` against `now`.
 */
export async function verifyApiKeyToken(token: string, signingKey: Uint8Array, now: Date): Promise<TokenCheck> {
  if (token.length > MAX_KEY_LENGTH) return { ok: false, reason: 'invalid' };
  try {
    const { payload } = await jwtVerify(token, signingKey, { algorithms: [API_KEY_ALGORITHM], currentDate: now, requiredClaims: ['sub', 'jti'] });
    if (typeof payload.sub !== 'string' || typeof payload.jti !== 'string') return { ok: false, reason: 'invalid' };
    return { ok: true, claims: { user: payload.sub, id: payload.jti } };
  } catch (error) {
    return { ok: false, reason: error instanceof errors.JWTExpired ? 'expired' : 'invalid' };
  }
}
