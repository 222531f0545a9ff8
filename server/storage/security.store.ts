import type { Privilege, Role, SecretKey, User, UserGroup } from '../../shared/schemas/security.schema.js';
import type { Clock } from '../clock.js';
import { isoNow } from '../clock.js';
import { ConflictError } from '../errors/conflict.error.js';
import { NotFoundError } from '../errors/not-found.error.js';
import type { ChangeBus } from './change-bus.js';
import type { Db } from './database.js';

/** Users, user groups, roles and secret keys (names and flags; values are the secret service's) in studio.db. */
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
      role: db.prepare<[string], { name: string; application: string | null; privileges: string }>('SELECT name, application, privileges FROM roles WHERE name = ?'),
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

  /** Refuses a name that is already taken by an item of `kind`. */
  assertFree(kind: 'user' | 'user group' | 'role' | 'secret key', name: string): void {
    const taken =
      kind === 'user' ? this.findUser(name) : kind === 'user group' ? this.findUserGroup(name) : kind === 'role' ? this.findRole(name) : this.findSecretKey(name);
    if (taken) throw new ConflictError(`${kind} "${name}" already exists`);
  }
}
