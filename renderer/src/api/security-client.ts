import type { ApiKeyRecord, CreatedApiKey, CreatedTestKey, SecretKeyReferences, SecretKeySummary, SecurityOverview } from '../../../shared/dto/security.dto.js';
import type { Role, User, UserGroup } from '../../../shared/schemas/security.schema.js';
import type { AdminTransport } from './admin-transport.js';

const e = encodeURIComponent;

/** What a new role or a role's new settings hold (no `application`: every application). */
export type RoleSettings = Omit<Role, 'name'>;

/** The admin API's security routes (`/security/...`): users, groups, roles, API keys, secret keys. */
export class SecurityClient {
  constructor(private readonly transport: AdminTransport) {}

  overview(): Promise<SecurityOverview> {
    return this.transport.request('GET', '/security');
  }

  addUser(name: string, enabled: boolean): Promise<User> {
    return this.transport.request('POST', '/security/users', { body: { name, enabled } });
  }
  setUserEnabled(name: string, enabled: boolean): Promise<User> {
    return this.transport.request('PATCH', `/security/users/${e(name)}`, { body: { enabled } });
  }
  /** Deletes the user with its API keys and group memberships. */
  deleteUser(name: string): Promise<void> {
    return this.transport.request('DELETE', `/security/users/${e(name)}`);
  }

  addUserGroup(name: string, users: string[]): Promise<UserGroup> {
    return this.transport.request('POST', '/security/user-groups', { body: { name, users } });
  }
  setGroupMembers(name: string, users: string[]): Promise<UserGroup> {
    return this.transport.request('PUT', `/security/user-groups/${e(name)}`, { body: { users } });
  }
  deleteUserGroup(name: string): Promise<void> {
    return this.transport.request('DELETE', `/security/user-groups/${e(name)}`);
  }

  addRole(name: string, settings: RoleSettings): Promise<Role> {
    return this.transport.request('POST', '/security/roles', { body: { name, ...settings } });
  }
  updateRole(name: string, settings: RoleSettings): Promise<Role> {
    return this.transport.request('PUT', `/security/roles/${e(name)}`, { body: settings });
  }
  deleteRole(name: string): Promise<void> {
    return this.transport.request('DELETE', `/security/roles/${e(name)}`);
  }

  apiKeys(): Promise<{ keys: ApiKeyRecord[] }> {
    return this.transport.request('GET', '/security/api-keys');
  }
  /** A new key for `user`: the answer holds the key this once. */
  createApiKey(user: string, label: string, expires: string | undefined): Promise<CreatedApiKey> {
    return this.transport.request('POST', '/security/api-keys', { body: { user, label, ...(expires ? { expires } : {}) } });
  }
  /** Try it's key for an endpoint, for `user` or (none given) for the tester, set up when missing: the answer holds the key this once. */
  createTestKey(application: string, actionflow: string, user: string | undefined): Promise<CreatedTestKey> {
    return this.transport.request('POST', '/security/test-keys', { body: { application, actionflow, ...(user === undefined ? {} : { user }) } });
  }
  revokeApiKey(id: string): Promise<ApiKeyRecord> {
    return this.transport.request('POST', `/security/api-keys/${e(id)}/revoke`);
  }

  addSecretKey(name: string, enabled: boolean, value: string | undefined): Promise<SecretKeySummary> {
    return this.transport.request('POST', '/security/secret-keys', { body: { name, enabled, ...(value ? { value } : {}) } });
  }
  /** Renames (the `_datasource` references follow) or enables or disables a secret key. */
  updateSecretKey(name: string, changes: { name?: string; enabled?: boolean }): Promise<SecretKeySummary> {
    return this.transport.request('PATCH', `/security/secret-keys/${e(name)}`, { body: changes });
  }
  /** Sets a secret key's value; values are write-only and never come back. */
  setSecretValue(name: string, value: string): Promise<SecretKeySummary> {
    return this.transport.request('PUT', `/security/secret-keys/${e(name)}/value`, { body: { value } });
  }
  secretKeyReferences(name: string): Promise<SecretKeyReferences> {
    return this.transport.request('GET', `/security/secret-keys/${e(name)}/references`);
  }
  deleteSecretKey(name: string, confirmed: boolean): Promise<void> {
    return this.transport.request('DELETE', `/security/secret-keys/${e(name)}`, { query: { confirm: confirmed ? 'true' : undefined } });
  }
}
