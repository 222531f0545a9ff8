import type { Privilege } from '../../shared/schemas/security.schema.js';
import type { SecurityStore } from '../storage/security.store.js';

/** The privilege that lets a user's API keys call keyed endpoints. */
export const USE_API_KEY: Privilege = 'Use API Key';

/**
 * Whether `user` holds `privilege` through a role that lists one of the user's groups and covers
 * `application` (a role without an application covers every one). With `application` undefined:
 * whether any role grants it at all.
 */
export function holdsPrivilege(security: SecurityStore, user: string, privilege: Privilege, application: string | undefined): boolean {
  const groups = new Set(
    security
      .userGroups()
      .filter((group) => group.users.includes(user))
      .map((group) => group.name),
  );
  if (groups.size === 0) return false;
  return security
    .roles()
    .some(
      (role) =>
        role.privileges.includes(privilege) &&
        (application === undefined || role.application === undefined || role.application === application) &&
        role.userGroups.some((group) => groups.has(group)),
    );
}
