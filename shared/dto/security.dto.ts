import { z } from 'zod';
import { nameSchema } from '../names.js';
import type { Reference } from './workspace.dto.js';
import { PRIVILEGES, roleSchema, type Privilege, type Role, type User, type UserGroup } from '../schemas/security.schema.js';

/** The fewest bytes a signing key for API keys may have (HS256 wants a key as long as its hash). */
export const MIN_SIGNING_KEY_BYTES = 32;
/** The largest secret value accepted (a token or a password, not a document). */
export const MAX_SECRET_VALUE_BYTES = 64 * 1024;
export const MAX_LABEL_LENGTH = 200;

const utf8Length = (text: string) => new TextEncoder().encode(text).length;

const DURATION = /^([1-9][0-9]{0,5})([mhdwy])$/;
const UNIT_MS = { m: 60_000, h: 3_600_000, d: 86_400_000, w: 7 * 86_400_000, y: 365 * 86_400_000 } as const;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

/**
 * When an API key given `--expires TEXT` expires: a duration from `now` (`90m`, `12h`, `30d`, `8w`, `1y`),
 * a date (`2027-01-31`, the end of that day in UTC) or a date-time with a zone. Gives a message when it cannot.
 */
export function parseExpiry(text: string, now: number): { ok: true; at: Date } | { ok: false; message: string } {
  const value = text.trim();
  const duration = DURATION.exec(value);
  let at: Date | undefined;
  if (duration) at = new Date(now + Number(duration[1]) * UNIT_MS[duration[2] as keyof typeof UNIT_MS]);
  else if (ISO_DATE.test(value)) at = new Date(`${value}T23:59:59.999Z`);
  else if (ISO_DATE_TIME.test(value)) at = new Date(value);
  if (!at || Number.isNaN(at.getTime())) {
    return { ok: false, message: `"${value}" is not an expiry: give a duration such as 30d, 12h, 8w or 1y, or a date such as 2027-01-31` };
  }
  if (at.getTime() <= now) return { ok: false, message: `the expiry ${at.toISOString()} is already past` };
  return { ok: true, at };
}

const expirySchema = z
  .string()
  .refine((value) => parseExpiry(value, 0).ok, { message: 'an expiry is a duration such as 30d, 12h, 8w or 1y, or a date such as 2027-01-31' });

/** An API key's label: what it is for, shown in lists. */
export const labelSchema = z
  .string()
  .trim()
  .max(MAX_LABEL_LENGTH, `a label is at most ${MAX_LABEL_LENGTH} characters`)
  .refine((label) => !/[\u0000-\u001f\u007f]/u.test(label), { message: 'a label must not contain control characters' });

const secretValueSchema = z
  .string()
  .min(1, 'the value is empty')
  .refine((value) => utf8Length(value) <= MAX_SECRET_VALUE_BYTES, { message: `a secret value is at most ${MAX_SECRET_VALUE_BYTES} bytes` });

/** POST /security/users */
export const createUserBody = z.object({ name: nameSchema, enabled: z.boolean().default(true) }).strict();
/** PATCH /security/users/:user */
export const updateUserBody = z.object({ enabled: z.boolean() }).strict();

/** POST /security/user-groups */
export const createUserGroupBody = z.object({ name: nameSchema, users: z.array(nameSchema).default([]) }).strict();
/** PUT /security/user-groups/:group: the members, replacing the old ones. */
export const updateUserGroupBody = z.object({ users: z.array(nameSchema) }).strict();

/** POST /security/roles */
export const createRoleBody = roleSchema;
/** PUT /security/roles/:role: everything but the name, replacing the old values (no `application`: all applications). */
export const updateRoleBody = roleSchema.omit({ name: true });

/** POST /security/api-keys */
export const createApiKeyBody = z.object({ user: nameSchema, label: labelSchema.default(''), expires: expirySchema.optional() }).strict();
/**
 * Try it's test keys: the user (and its group) set up when no user is chosen, and how long a key
 * lives: long enough to build and try an endpoint over a working week, short enough that a key
 * left in a shell history or a pasted curl stops working soon.
 */
export const TEST_KEYS = { user: 'tester', group: 'Testers', expiryDays: 7 } as const;

/** POST /security/test-keys: Try it's key for an endpoint; no `user`: the tester, set up when missing. */
export const createTestKeyBody = z.object({ application: nameSchema, actionflow: nameSchema, user: nameSchema.optional() }).strict();
/** GET /security/api-keys?user=U */
export const apiKeysQuery = z.object({ user: z.string().optional() }).strict();

/** POST /security/secret-keys: a new secret key, with its value or without (set it later). */
export const createSecretKeyBody = z.object({ name: nameSchema, enabled: z.boolean().default(true), value: secretValueSchema.optional() }).strict();
/** PATCH /security/secret-keys/:key: a new name (rewriting the references to it) or enabled flag. */
export const updateSecretKeyBody = z.object({ name: nameSchema.optional(), enabled: z.boolean().optional() }).strict();
/** PUT /security/secret-keys/:key/value: values are write-only. */
export const secretValueBody = z.object({ value: secretValueSchema }).strict();

/** PUT /security/signing-key: the new key as text (its UTF-8 bytes are the key). */
export const signingKeyBody = z
  .object({
    value: z.string().refine((value) => utf8Length(value) >= MIN_SIGNING_KEY_BYTES, {
      message: `a signing key has at least ${MIN_SIGNING_KEY_BYTES} bytes`,
    }),
  })
  .strict();

/** Where an API key stands: only `active` keys are accepted. */
export type ApiKeyStatus = 'active' | 'revoked' | 'expired' | 'signing key replaced';

/** An API key's record; the key itself is shown once, when it is created, and never stored. */
export interface ApiKeyRecord {
  id: string;
  user: string;
  label: string;
  createdAt: string;
  expiresAt: string | null;
  /** Kept to the minute, so that calls do not each write to disk. */
  lastUsedAt: string | null;
  revokedAt: string | null;
  status: ApiKeyStatus;
}

/** POST /security/api-keys: the key, this once. */
export interface CreatedApiKey {
  key: string;
  record: ApiKeyRecord;
  /** Why calls with this key will be refused until something changes (a disabled user, no privilege). */
  warnings: string[];
}

/** POST /security/test-keys: the new key (in this answer only) and what was set up for its user to call the endpoint. */
export interface CreatedTestKey extends CreatedApiKey {
  /** What was added (a user, a group, a role), empty when the user could already call it. */
  setUp: string[];
}

/** A secret key as the admin screens see it: never its value. */
export interface SecretKeySummary {
  name: string;
  enabled: boolean;
  hasValue: boolean;
}

/** GET /security */
export interface SecurityOverview {
  users: User[];
  userGroups: UserGroup[];
  roles: Role[];
  secretKeys: SecretKeySummary[];
  /** The privileges a role can hold. */
  privileges: readonly Privilege[];
}

/** GET /security/secret-keys/:key/references */
export interface SecretKeyReferences {
  references: Reference[];
}

/** POST /security/signing-key/rotate and PUT /security/signing-key */
export interface SigningKeyChange {
  signingKeyId: string;
  message: string;
}

export { PRIVILEGES };
