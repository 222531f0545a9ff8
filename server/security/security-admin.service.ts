import { PRIVILEGES, type SecurityOverview } from '../../shared/dto/security.dto.js';
import type { Role, User, UserGroup } from '../../shared/schemas/security.schema.js';
import { NotFoundError } from '../errors/not-found.error.js';
import type { Stores } from '../storage/stores.js';

/** Users, user groups and roles for the admin screens and the CLI: adding refuses a taken name, changing needs an existing one. */
export class SecurityAdminService {
  constructor(private readonly stores: Stores) {}

  overview(): SecurityOverview {
    const { security } = this.stores;
    return { users: security.users(), userGroups: security.userGroups(), roles: security.roles(), secretKeys: security.secretKeys(), privileges: PRIVILEGES };
  }

  addUser(user: User): User {
    return this.stores.transaction(() => {
      this.stores.security.assertFree('user', user.name);
      this.stores.security.saveUser(user);
      return user;
    });
  }

  /** Enables or disables a user; a disabled user's keys are refused from the next call on. */
  setUserEnabled(name: string, enabled: boolean): User {
    return this.stores.transaction(() => {
      this.user(name);
      this.stores.security.saveUser({ name, enabled });
      return this.user(name);
    });
  }

  /** Deletes a user with its API keys and group memberships. */
  deleteUser(name: string): void {
    this.stores.security.deleteUser(name);
  }

  user(name: string): User {
    const user = this.stores.security.findUser(name);
    if (!user) throw new NotFoundError(`user "${name}" does not exist`);
    return user;
  }

  addUserGroup(group: UserGroup): UserGroup {
    return this.stores.transaction(() => {
      this.stores.security.assertFree('user group', group.name);
      this.stores.security.saveUserGroup(group);
      return this.stores.security.findUserGroup(group.name)!;
    });
  }

  /** Replaces a group's members. */
  setGroupMembers(name: string, users: string[]): UserGroup {
    return this.stores.transaction(() => {
      if (!this.stores.security.findUserGroup(name)) throw new NotFoundError(`user group "${name}" does not exist`);
      this.stores.security.saveUserGroup({ name, users });
      return this.stores.security.findUserGroup(name)!;
    });
  }

  deleteUserGroup(name: string): void {
    this.stores.security.deleteUserGroup(name);
  }

  addRole(role: Role): Role {
    return this.stores.transaction(() => {
      this.stores.security.assertFree('role', role.name);
      this.assertApplication(role);
      this.stores.security.saveRole(role);
      return this.stores.security.findRole(role.name)!;
    });
  }

  /** Replaces a role's privileges, groups and application. */
  updateRole(name: string, changes: Omit<Role, 'name'>): Role {
    return this.stores.transaction(() => {
      if (!this.stores.security.findRole(name)) throw new NotFoundError(`role "${name}" does not exist`);
      const role = { name, ...changes };
      this.assertApplication(role);
      this.stores.security.saveRole(role);
      return this.stores.security.findRole(name)!;
    });
  }

  deleteRole(name: string): void {
    this.stores.security.deleteRole(name);
  }

  private assertApplication(role: Role): void {
    if (role.application !== undefined && !this.stores.applications.find(role.application)) {
      throw new NotFoundError(`application "${role.application}" does not exist; leave the application out to cover every application`);
    }
  }
}
