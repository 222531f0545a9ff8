import { setTimeout as sleep } from 'node:timers/promises';
import type { Clock } from '../clock.js';
import type { Keystore } from '../storage/keystore.js';
import type { Stores } from '../storage/stores.js';
import { apiKeyFromHeader, verifyApiKeyToken } from './api-key-token.js';
import type { AuthOutcome, CallAuthorizer } from './call-authorizer.js';
import { FailureLimiter } from './failure-limiter.js';
import { LastUsedRecorder } from './last-used-recorder.js';
import { holdsPrivilege, USE_API_KEY } from './privileges.js';

export interface ApiKeyVerifierDeps {
  stores: Pick<Stores, 'security' | 'bus'>;
  /** Read on every call, so a signing key replaced by another process counts at once. */
  keystore: { readonly current: Keystore };
  clock: Clock;
  limiter?: FailureLimiter;
  /** Holds back the answer to a repeated failure; a timer unless a test passes its own. */
  wait?: (ms: number) => Promise<unknown>;
}

/** The refusals a caller sees: enough to fix their own call, nothing about anyone else's. */
export const REFUSALS = {
  missing: 'this endpoint needs an API key in the Authorization header, bare or as "Bearer <key>"',
  invalid: 'the API key is not valid',
  expired: 'the API key has expired',
  revoked: 'the API key has been revoked',
  disabled: "the API key's user is disabled",
} as const;

const tooMany = (seconds: number) => `too many failed API key checks from your address; try again in ${seconds} s`;

/**
 * Checks the API key of a call to a keyed endpoint (DESIGN §5 "Auth"): an HS256 JWT signed with
 * the keystore's current `phixflow-api-key`, whose record exists, was signed with that key and is
 * neither revoked nor expired, whose user exists and is enabled (else 401) and holds `Use API Key`
 * through a role covering the application (else 403). Failures per address are slowed, then 429;
 * a valid key is never refused for them.
 */
export function apiKeyVerifier(deps: ApiKeyVerifierDeps): CallAuthorizer {
  const { security } = deps.stores;
  const limiter = deps.limiter ?? new FailureLimiter(deps.clock);
  const wait = deps.wait ?? sleep;
  const lastUsed = new LastUsedRecorder(security, deps.clock);
  // Grants are worked out from roles and groups once per (user, application) until security data changes.
  const grants = new Map<string, boolean>();
  deps.stores.bus.subscribe((kind) => {
    if (kind === 'security') grants.clear();
  });
  const granted = (user: string, application: string) => {
    const key = `${user}\u0000${application}`;
    let answer = grants.get(key);
    if (answer === undefined) grants.set(key, (answer = holdsPrivilege(security, user, USE_API_KEY, application)));
    return answer;
  };

  // Only a key that is missing or fails verification is counted, slowed and locked out: a valid key
  // passes even from a locked address, so no one behind the same NAT, proxy or localhost can lock it out.
  const refuse = async (remoteAddress: string, message: string): Promise<AuthOutcome> => {
    const lock = limiter.check(remoteAddress);
    if (lock.locked) return { ok: false, status: 429, message: tooMany(lock.retryAfterSeconds), retryAfterSeconds: lock.retryAfterSeconds };
    const verdict = limiter.recordFailure(remoteAddress);
    if (verdict.locked) return { ok: false, status: 429, message: tooMany(verdict.retryAfterSeconds), retryAfterSeconds: verdict.retryAfterSeconds };
    if (verdict.delayMs > 0) await wait(verdict.delayMs);
    return { ok: false, status: 401, message };
  };

  return {
    async authorize({ application, authorization, remoteAddress }) {
      const token = apiKeyFromHeader(authorization);
      if (token === undefined) return refuse(remoteAddress, REFUSALS.missing);

      const keystore = deps.keystore.current;
      const now = deps.clock.now();
      const checked = await verifyApiKeyToken(token, keystore.signingKey, new Date(now));
      if (!checked.ok) return refuse(remoteAddress, REFUSALS[checked.reason]);

      const record = security.findApiKey(checked.claims.id);
      if (!record || record.user !== checked.claims.user || record.signingKeyId !== keystore.signingKeyId) return refuse(remoteAddress, REFUSALS.invalid);
      if (record.revokedAt !== null) return refuse(remoteAddress, REFUSALS.revoked);
      if (record.expiresAt !== null && Date.parse(record.expiresAt) <= now) return refuse(remoteAddress, REFUSALS.expired);
      const user = security.findUser(record.user);
      if (!user) return refuse(remoteAddress, REFUSALS.invalid);
      if (!user.enabled) return refuse(remoteAddress, REFUSALS.disabled);

      if (!granted(user.name, application)) {
        return { ok: false, status: 403, message: `user "${user.name}" does not hold "${USE_API_KEY}" for application "${application}"`, user: user.name };
      }
      lastUsed.used(record.id);
      return { ok: true, user: user.name };
    },
  };
}
