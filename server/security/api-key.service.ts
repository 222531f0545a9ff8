import { randomUUID } from 'node:crypto';
import { parseExpiry, type ApiKeyRecord, type ApiKeyStatus, type CreatedApiKey } from '../../shared/dto/security.dto.js';
import { isoNow, type Clock } from '../clock.js';
import { NotFoundError } from '../errors/not-found.error.js';
import { ValidationError } from '../errors/validation.error.js';
import type { Keystore } from '../storage/keystore.js';
import type { ApiKeyRow } from '../storage/security.store.js';
import type { Stores } from '../storage/stores.js';
import { signApiKey } from './api-key-token.js';
import { holdsPrivilege, USE_API_KEY } from './privileges.js';

export interface NewApiKey {
  user: string;
  label?: string;
  /** A duration (`30d`) or a date; absent: the key does not expire. */
  expires?: string;
}

/** Creates, lists and revokes API keys; the CLI and the admin API both go through it. */
export class ApiKeyService {
  constructor(
    private readonly stores: Pick<Stores, 'security'>,
    private readonly keystore: () => Keystore,
    private readonly clock: Clock,
  ) {}

  /** Signs a new key for an existing user and records it; the key is in the answer and nowhere else. */
  async create(request: NewApiKey): Promise<CreatedApiKey> {
    const { security } = this.stores;
    const user = security.findUser(request.user);
    if (!user) throw new NotFoundError(`user "${request.user}" does not exist; add it first (actionflow users add "${request.user}")`);
    const now = this.clock.now();
    let expiresAt: Date | null = null;
    if (request.expires !== undefined) {
      const expiry = parseExpiry(request.expires, now);
      if (!expiry.ok) throw new ValidationError(expiry.message);
      expiresAt = expiry.at;
    }
    const { signingKey, signingKeyId } = this.keystore();
    const id = randomUUID();
    const key = await signApiKey({ user: user.name, id, issuedAt: new Date(now), expiresAt }, signingKey);
    security.insertApiKey({
      id,
      user: user.name,
      label: request.label ?? '',
      signingKeyId,
      createdAt: new Date(now).toISOString(),
      expiresAt: expiresAt?.toISOString() ?? null,
    });

    const warnings: string[] = [];
    if (!user.enabled) warnings.push(`user "${user.name}" is disabled: calls with this key get 401 until the user is enabled`);
    if (!holdsPrivilege(security, user.name, USE_API_KEY, undefined)) {
      warnings.push(
        `user "${user.name}" holds "${USE_API_KEY}" through no role: calls with this key get 403 until a role that lists one of the user's groups grants it`,
      );
    }
    return { key, record: this.toRecord(security.findApiKey(id)!), warnings };
  }

  /** Every key's record, or one user's. */
  list(user?: string): ApiKeyRecord[] {
    if (user !== undefined && !this.stores.security.findUser(user)) throw new NotFoundError(`user "${user}" does not exist`);
    return this.stores.security.apiKeys(user).map((row) => this.toRecord(row));
  }

  /** Revokes a key at once; revoking it again changes nothing. */
  revoke(id: string): { record: ApiKeyRecord; alreadyRevoked: boolean } {
    const { security } = this.stores;
    if (!security.findApiKey(id)) throw new NotFoundError(`API key "${id}" does not exist (list them with: actionflow keys list)`);
    const alreadyRevoked = !security.revokeApiKey(id);
    return { record: this.toRecord(security.findApiKey(id)!), alreadyRevoked };
  }

  private toRecord(row: ApiKeyRow): ApiKeyRecord {
    return {
      id: row.id,
      user: row.user,
      label: row.label,
      createdAt: row.createdAt,
      expiresAt: row.expiresAt,
      lastUsedAt: row.lastUsedAt,
      revokedAt: row.revokedAt,
      status: this.statusOf(row),
    };
  }

  private statusOf(row: ApiKeyRow): ApiKeyStatus {
    if (row.revokedAt !== null) return 'revoked';
    if (row.signingKeyId !== this.keystore().signingKeyId) return 'signing key replaced';
    if (row.expiresAt !== null && row.expiresAt <= isoNow(this.clock)) return 'expired';
    return 'active';
  }
}
