import type { Actionflow } from '../../shared/schemas/actionflow.schema.js';

/** Who a keyed call runs as, or why it is refused (DESIGN §5 "Auth"). */
export type AuthOutcome =
  | { ok: true; user: string }
  /** `user`: whose valid key was refused (a 403); absent when the key proved no one. */
  | { ok: false; status: 401 | 403 | 429; message: string; retryAfterSeconds?: number; user?: string };

export interface CallToAuthorize {
  application: string;
  flow: Actionflow;
  /** The Authorization header as sent (absent when none). */
  authorization: string | undefined;
  /** The caller's address, for slowing down repeated failures. */
  remoteAddress: string;
}

/** Checks the API key of a call to an endpoint that does not allow anonymous callers. */
export interface CallAuthorizer {
  authorize(call: CallToAuthorize): Promise<AuthOutcome>;
}

/** Refuses every keyed call: the authorizer used until API keys are configured in a build. */
export const refuseKeyedCalls: CallAuthorizer = {
  authorize: async () => ({ ok: false, status: 401, message: 'this endpoint needs an API key' }),
};
