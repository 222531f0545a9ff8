import type { Privilege, Role, SecretKey, User, UserGroup } from '../../shared/schemas/security.schema.js';
import type { Clock } from '../clock.js';
import { isoNow } from '../clock.js';
import { ConflictError } from '../errors/conflict.error.js';
import { NotFoundError } from '../errors/not-found.error.js';
import type { ChangeBus } from './change-bus.js';
import type { Db } from './database.js';

/** An API key's record as stored; the key itself is never stored. */
export interface ApiKeyRow {
  id: string;
  user: string;
  label: string;
  signingKeyId: string;
  createdAt: string;
  expiresAt: string | null;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

type ApiKeyColumns = {
  id: string;
  user_name: string;
  label: string;
  signing_key_id: string;
  created_at: string;
  expires_at: string | null;
  last_used_at: string | null;
  revoked_at: string | null;
};

const toApiKeyRow = (row: ApiKeyColumns): ApiKeyRow => ({
  id: row.id,
  user: row.user_name,
  label: row.label,
  signingKeyId: row.signing_key_id,
  createdAt: row.created_at,
  expiresAt: row.expires_at,
  lastUsedAt: row.last_used_at,
  revokedAt: row.revoked_at,
});

/** The settings row that records the id of the signing key last installed, so that a running server notices the change. */
const SIGNING_KEY_MARKER = 'keystore.signingKeyId';

/**
 * Users, user groups, roles, secret keys (names, flags and encrypted values: encryption is
 * `server/security`'s) and API key records in studio.db.
 */
export class SecurityStore {
  private readonly statements;

  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly bus: ChangeBus,
  ) {
    this.statements = {
      users: db.prepare<[], { name: string; enabled: number }>('SELECT name, enabled FROM users ORDER BY name'),
      user: db.prepare<[string], { name: string; enabled: number }>('SELECT name, enabled FROM users WHERE name = ?'),
      upsertUser: db.prepare('INSERT INTO users (name, enabled, created_at) VALUES (?, ?, ?) ON CONFLICT (name) DO UPDATE SET enabled = excluded.enabled'),
      deleteUser: db.prepare('DELETE FROM users WHERE name = ?'),
      groups: db.prepare<[], { name: string }>('SELECT name FROM user_groups ORDER BY name'),
      group: db.prepare<[string], { name: string }>('SELECT name FROM user_groups WHERE name = ?'),
      members: db.prepare<[string], { user_name: string }>('SELECT user_name FROM group_members WHERE group_name = ? ORDER BY user_name'),
      insertGroup: db.prepare('INSERT INTO user_groups (name, created_at) VALUES (?, ?) ON CONFLICT (name) DO NOTHING'),
      clearMembers: db.prepare('DELETE FROM group_members WHERE group_name = ?'),
      addMember: db.prepare('INSERT OR IGNORE INTO group_members (group_name, user_name) VALUES (?, ?)'),
      deleteGroup: db.prepare('DELETE FROM user_groups WHERE name = ?'),
      roles: db.prepare<[], { name: string; application: string | null; privileges: string }>('SELECT name, application, privileges FROM roles ORDER BY name'),
      role: db.prepare<[string], { name: string; application: string | null; privileges: string }>(
        'SELECT name, application, privileges FROM roles WHERE name = ?',
      ),
      roleGroups: db.prepare<[string], { group_name: string }>('SELECT group_name FROM role_groups WHERE role_name = ? ORDER BY group_name'),
      upsertRole: db.prepare(
        'INSERT INTO roles (name, application, privileges, created_at) VALUES (?, ?, ?, ?) ON CONFLICT (name) DO UPDATE SET application = excluded.application, privileges = excluded.privileges',
      ),
      clearRoleGroups: db.prepare('DELETE FROM role_groups WHERE role_name = ?'),
      addRoleGroup: db.prepare('INSERT OR IGNORE INTO role_groups (role_name, group_name) VALUES (?, ?)'),
      deleteRole: db.prepare('DELETE FROM roles WHERE name = ?'),
      renameRoleApplication: db.prepare('UPDATE roles SET application = ? WHERE application = ?'),
      secretKeys: db.prepare<[], { name: string; enabled: number; has_value: number }>(
        'SELECT name, enabled, value_cipher IS NOT NULL AS has_value FROM secret_keys ORDER BY name',
      ),
      secretKey: db.prepare<[string], { name: string; enabled: number; has_value: number }>(
        'SELECT name, enabled, value_cipher IS NOT NULL AS has_value FROM secret_keys WHERE name = ?',
      ),
      upsertSecretKey: db.prepare(
        'INSERT INTO secret_keys (name, enabled, created_at, updated_at) VALUES (?, ?, ?, ?) ON CONFLICT (name) DO UPDATE SET enabled = excluded.enabled, updated_at = excluded.updated_at',
      ),
      deleteSecretKey: db.prepare('DELETE FROM secret_keys WHERE name = ?'),
      secretCipher: db.prepare<[string], { enabled: number; value_cipher: Buffer | null }>('SELECT enabled, value_cipher FROM secret_keys WHERE name = ?'),
      secretCiphers: db.prepare<[], { name: string; value_cipher: Buffer }>('SELECT name, value_cipher FROM secret_keys WHERE value_cipher IS NOT NULL'),
      setSecretCipher: db.prepare(
        'INSERT INTO secret_keys (name, enabled, value_cipher, created_at, updated_at) VALUES (?, 1, ?, ?, ?) ON CONFLICT (name) DO UPDATE SET value_cipher = excluded.value_cipher, updated_at = excluded.updated_at',
      ),
      renameSecretKey: db.prepare('UPDATE secret_keys SET name = ?, updated_at = ? WHERE name = ?'),
      apiKeys: db.prepare<[], ApiKeyColumns>('SELECT * FROM api_keys ORDER BY created_at, rowid'),
      apiKeysOf: db.prepare<[string], ApiKeyColumns>('SELECT * FROM api_keys WHERE user_name = ? ORDER BY created_at, rowid'),
      apiKey: db.prepare<[string], ApiKeyColumns>('SELECT * FROM api_keys WHERE id = ?'),
      insertApiKey: db.prepare(
        'INSERT INTO api_keys (id, user_name, label, signing_key_id, created_at, expires_at) VALUES (@id, @user, @label, @signingKeyId, @createdAt, @expiresAt)',
      ),
      revokeApiKey: db.prepare('UPDATE api_keys SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL'),
      touchApiKey: db.prepare('UPDATE api_keys SET last_used_at = ? WHERE id = ?'),
      markSigningKey: db.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value'),
    };
  }

  users(): User[] {
    return this.statements.users.all().map((row) => ({ name: row.name, enabled: row.enabled === 1 }));
  }

  findUser(name: string): User | undefined {
    const row = this.statements.user.get(name);
    return row && { name: row.name, enabled: row.enabled === 1 };
  }

  /** Creates a user or sets an existing one's enabled flag. */
  saveUser(user: User): void {
    this.statements.upsertUser.run(user.name, user.enabled ? 1 : 0, isoNow(this.clock));
    this.bus.notify('security');
  }

  deleteUser(name: string): void {
    if (this.statements.deleteUser.run(name).changes === 0) throw new NotFoundError(`user "${name}" does not exist`);
    this.bus.notify('security');
  }

  userGroups(): UserGroup[] {
    return this.statements.groups.all().map((row) => this.groupWithMembers(row.name));
  }

  findUserGroup(name: string): UserGroup | undefined {
    return this.statements.group.get(name) ? this.groupWithMembers(name) : undefined;
  }

  private groupWithMembers(name: string): UserGroup {
    return { name, users: this.statements.members.all(name).map((row) => row.user_name) };
  }

  /** Creates a group or replaces its members; every member must be a user. */
  saveUserGroup(group: UserGroup): void {
    this.db.transaction(() => {
      for (const user of group.users) if (!this.findUser(user)) throw new NotFoundError(`user "${user}" does not exist`);
      this.statements.insertGroup.run(group.name, isoNow(this.clock));
      this.statements.clearMembers.run(group.name);
      for (const user of group.users) this.statements.addMember.run(group.name, user);
    })();
    this.bus.notify('security');
  }

  deleteUserGroup(name: string): void {
    if (this.statements.deleteGroup.run(name).changes === 0) throw new NotFoundError(`user group "${name}" does not exist`);
    this.bus.notify('security');
  }

  roles(): Role[] {
    return this.statements.roles.all().map((row) => this.toRole(row));
  }

  findRole(name: string): Role | undefined {
    const row = this.statements.role.get(name);
    return row && this.toRole(row);
  }

  private toRole(row: { name: string; application: string | null; privileges: string }): Role {
    return {
      name: row.name,
      ...(row.application === null ? {} : { application: row.application }),
      privileges: JSON.parse(row.privileges) as Privilege[],
      userGroups: this.statements.roleGroups.all(row.name).map((group) => group.group_name),
    };
  }

  /** Creates or replaces a role; every group must exist. */
  saveRole(role: Role): void {
    this.db.transaction(() => {
      for (const group of role.userGroups) if (!this.findUserGroup(group)) throw new NotFoundError(`user group "${group}" does not exist`);
      this.statements.upsertRole.run(role.name, role.application ?? null, JSON.stringify(role.privileges), isoNow(this.clock));
      this.statements.clearRoleGroups.run(role.name);
      for (const group of role.userGroups) this.statements.addRoleGroup.run(role.name, group);
    })();
    this.bus.notify('security');
  }

  deleteRole(name: string): void {
    if (this.statements.deleteRole.run(name).changes === 0) throw new NotFoundError(`role "${name}" does not exist`);
    this.bus.notify('security');
  }

  /** Points roles scoped to an application at its new name. */
  renameRoleApplication(from: string, to: string): void {
    if (this.statements.renameRoleApplication.run(to, from).changes > 0) this.bus.notify('security');
  }

  secretKeys(): (SecretKey & { hasValue: boolean })[] {
    return this.statements.secretKeys.all().map((row) => ({ name: row.name, enabled: row.enabled === 1, hasValue: row.has_value === 1 }));
  }

  findSecretKey(name: string): (SecretKey & { hasValue: boolean }) | undefined {
    const row = this.statements.secretKey.get(name);
    return row && { name: row.name, enabled: row.enabled === 1, hasValue: row.has_value === 1 };
  }

  /** Creates a secret key (without a value) or sets an existing one's enabled flag; a stored value is kept. */
  saveSecretKey(key: SecretKey): void {
    const now = isoNow(this.clock);
    this.statements.upsertSecretKey.run(key.name, key.enabled ? 1 : 0, now, now);
    this.bus.notify('security');
  }

  deleteSecretKey(name: string): void {
    if (this.statements.deleteSecretKey.run(name).changes === 0) throw new NotFoundError(`secret key "${name}" does not exist`);
    this.bus.notify('security');
  }

  /** A secret key's enabled flag and encrypted value (null when it has none). */
  secretCipher(name: string): { enabled: boolean; cipher: Buffer | null } | undefined {
    const row = this.statements.secretCipher.get(name);
    return row && { enabled: row.enabled === 1, cipher: row.value_cipher };
  }

  /** Every stored encrypted value, by secret key name. */
  secretCiphers(): { name: string; cipher: Buffer }[] {
    return this.statements.secretCiphers.all().map((row) => ({ name: row.name, cipher: row.value_cipher }));
  }

  /** Stores a secret key's encrypted value, creating the key (enabled) when absent. */
  setSecretCipher(name: string, cipher: Buffer): void {
    const now = isoNow(this.clock);
    this.statements.setSecretCipher.run(name, cipher, now, now);
    this.bus.notify('security');
  }

  /** Gives a secret key a new name (its value and flag stay); references in flows are the caller's. */
  renameSecretKey(from: string, to: string): void {
    if (this.statements.renameSecretKey.run(to, isoNow(this.clock), from).changes === 0) throw new NotFoundError(`secret key "${from}" does not exist`);
    this.bus.notify('security');
  }

  /** API key records, oldest first; of one user when `user` is given. */
  apiKeys(user?: string): ApiKeyRow[] {
    return (user === undefined ? this.statements.apiKeys.all() : this.statements.apiKeysOf.all(user)).map(toApiKeyRow);
  }

  findApiKey(id: string): ApiKeyRow | undefined {
    const row = this.statements.apiKey.get(id);
    return row && toApiKeyRow(row);
  }

  /** Records a new API key (its user must exist). */
  insertApiKey(row: Omit<ApiKeyRow, 'lastUsedAt' | 'revokedAt'>): void {
    if (!this.findUser(row.user)) throw new NotFoundError(`user "${row.user}" does not exist`);
    this.statements.insertApiKey.run(row);
    this.bus.notify('security');
  }

  /** Marks a key revoked; false when it already was. */
  revokeApiKey(id: string): boolean {
    if (!this.findApiKey(id)) throw new NotFoundError(`API key "${id}" does not exist`);
    const changed = this.statements.revokeApiKey.run(isoNow(this.clock), id).changes > 0;
    if (changed) this.bus.notify('security');
    return changed;
  }

  /** Sets a key's last-used time. Nothing cached depends on it, so no change is announced. */
  touchApiKey(id: string, at: string): void {
    this.statements.touchApiKey.run(at, id);
  }

  /**
   * Records the id of a newly installed signing key. keystore.json is a file of its own: this commit
   * is what makes a running server re-read it before its next request (see `externalChangeWatcher`).
   */
  recordSigningKey(signingKeyId: string): void {
    this.statements.markSigningKey.run(SIGNING_KEY_MARKER, JSON.stringify(signingKeyId));
    this.bus.notify('security');
  }

  /** Refuses a name that is already taken by an item of `kind`. */
  assertFree(kind: 'user' | 'user group' | 'role' | 'secret key', name: string): void {
    const taken =
      kind === 'user'
        ? this.findUser(name)
        : kind === 'user group'
          ? this.findUserGroup(name)
          : kind === 'role'
            ? this.findRole(name)
            : this.findSecretKey(name);
    if (taken) throw new ConflictError(`${kind} "${name}" already exists`);
  }
}
