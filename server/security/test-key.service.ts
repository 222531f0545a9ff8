import { MAX_LABEL_LENGTH, TEST_KEYS, type CreatedTestKey } from '../../shared/dto/security.dto.js';
import { ConflictError } from '../errors/conflict.error.js';
import { ForbiddenError } from '../errors/forbidden.error.js';
import { NotFoundError } from '../errors/not-found.error.js';
import { ValidationError } from '../errors/validation.error.js';
import type { Stores } from '../storage/stores.js';
import type { ApiKeyService } from './api-key.service.js';
import { holdsPrivilege, USE_API_KEY } from './privileges.js';

const TESTER_USER = TEST_KEYS.user;
const TESTER_GROUP = TEST_KEYS.group;
const testerRole = (application: string): string => `Try it: ${application}`;

export interface TestKeyRequest {
  application: string;
  actionflow: string;
  /** The key's user; absent: the tester, set up for the flow's application when missing. */
  user?: string;
}

/** Try it's one-step API key: for a user who may call the endpoint, or for a tester set up to call it. */
export class TestKeyService {
  constructor(
    private readonly stores: Stores,
    private readonly apiKeys: ApiKeyService,
  ) {}

  /** Creates a key that can call `actionflow` now; a chosen user who could not call it is refused (403), not given a useless key. */
  async create(request: TestKeyRequest): Promise<CreatedTestKey> {
    const { application, actionflow } = request;
    const { flow } = this.stores.flows.get(application, actionflow);
    if (!flow.api) throw new ValidationError(`"${actionflow}" is not an API endpoint: turn on API endpoint in its settings and save first`);
    const setUp = request.user === undefined ? this.setUpTester(application) : [];
    const user = request.user ?? TESTER_USER;
    if (request.user !== undefined) this.assertMayCall(user, application);
    const label = `Try it: ${application}/${actionflow}`.slice(0, MAX_LABEL_LENGTH);
    const created = await this.apiKeys.create({ user, label, expires: `${TEST_KEYS.expiryDays}d` });
    return { ...created, setUp };
  }

  private assertMayCall(user: string, application: string): void {
    const found = this.stores.security.findUser(user);
    if (!found) throw new NotFoundError(`user "${user}" does not exist`);
    if (!found.enabled) throw new ConflictError(`user "${user}" is disabled: enable it in Admin › Users, or choose another user`);
    if (!holdsPrivilege(this.stores.security, user, USE_API_KEY, application)) {
      throw new ForbiddenError(
        `user "${user}" may not call endpoints of "${application}": no role grants them "${USE_API_KEY}" there, so the endpoint would refuse their key (403). Choose another user, or the tester`,
      );
    }
  }

  /** Makes sure the tester exists, is in the testers' group, and that a role grants the group the key right on `application`; says what it added. */
  private setUpTester(application: string): string[] {
    return this.stores.transaction(() => {
      const { security } = this.stores;
      const setUp: string[] = [];
      const user = security.findUser(TESTER_USER);
      if (!user) {
        security.saveUser({ name: TESTER_USER, enabled: true });
        setUp.push(`user "${TESTER_USER}"`);
      } else if (!user.enabled) {
        throw new ConflictError(`user "${TESTER_USER}" is disabled: enable it in Admin › Users, or choose another user`);
      }
      const group = security.findUserGroup(TESTER_GROUP);
      if (!group) {
        security.saveUserGroup({ name: TESTER_GROUP, users: [TESTER_USER] });
        setUp.push(`user group "${TESTER_GROUP}"`);
      } else if (!group.users.includes(TESTER_USER)) {
        security.saveUserGroup({ ...group, users: [...group.users, TESTER_USER] });
        setUp.push(`"${TESTER_USER}" in user group "${TESTER_GROUP}"`);
      }
      if (!holdsPrivilege(security, TESTER_USER, USE_API_KEY, application)) {
        const name = testerRole(application);
        const role = security.findRole(name);
        security.saveRole({
          name,
          application,
          privileges: [...new Set([...(role?.privileges ?? []), USE_API_KEY])],
          userGroups: [...new Set([...(role?.userGroups ?? []), TESTER_GROUP])],
        });
        setUp.push(role ? `"${USE_API_KEY}" for "${TESTER_GROUP}" in role "${name}"` : `role "${name}"`);
      }
      return setUp;
    });
  }
}
