import { Router } from 'express';
import {
  apiKeysQuery,
  createApiKeyBody,
  createRoleBody,
  createSecretKeyBody,
  createTestKeyBody,
  createUserBody,
  createUserGroupBody,
  secretValueBody,
  signingKeyBody,
  updateRoleBody,
  updateSecretKeyBody,
  updateUserBody,
  updateUserGroupBody,
} from '../../shared/dto/security.dto.js';
import { normalizeName } from '../../shared/names.js';
import type { AppDeps } from '../app-deps.js';
import { ApiKeyService } from '../security/api-key.service.js';
import { SecretKeyService } from '../security/secret-key.service.js';
import { SecretVault } from '../security/secret-vault.js';
import { SecurityAdminService } from '../security/security-admin.service.js';
import { TestKeyService } from '../security/test-key.service.js';
import { installSigningKey, rotateSigningKey, type ReplaceSigningKey } from '../security/signing-key.service.js';
import { confirmed, parseInput } from './parse-input.js';

const param = (value: string | string[] | undefined) => normalizeName(String(value ?? ''));

/**
 * Users, groups, roles, API keys, secret keys and the signing key (`/security/...`). A new API key
 * is in the reply to its creation and nowhere else; secret values go in and never come out.
 */
export function securityRoutes(deps: AppDeps): Router {
  const router = Router();
  const admin = new SecurityAdminService(deps.stores);
  const apiKeys = new ApiKeyService(deps.stores, () => deps.keystore.current, deps.clock);
  const testKeys = new TestKeyService(deps.stores, apiKeys);
  const secretKeys = new SecretKeyService(deps.stores, new SecretVault(deps.stores.security, deps.stores.bus, () => deps.keystore.current.secretEncryptionKey));
  const replace: ReplaceSigningKey = (alias, value) => deps.keystore.replace(alias, value);

  router.get('/security', (_request, response) => {
    response.json(admin.overview());
  });

  router.post('/security/users', (request, response) => {
    response.status(201).json(admin.addUser(parseInput(createUserBody, request.body)));
  });
  router.patch('/security/users/:user', (request, response) => {
    response.json(admin.setUserEnabled(param(request.params.user), parseInput(updateUserBody, request.body).enabled));
  });
  router.delete('/security/users/:user', (request, response) => {
    admin.deleteUser(param(request.params.user));
    response.status(204).end();
  });

  router.post('/security/user-groups', (request, response) => {
    response.status(201).json(admin.addUserGroup(parseInput(createUserGroupBody, request.body)));
  });
  router.put('/security/user-groups/:group', (request, response) => {
    response.json(admin.setGroupMembers(param(request.params.group), parseInput(updateUserGroupBody, request.body).users));
  });
  router.delete('/security/user-groups/:group', (request, response) => {
    admin.deleteUserGroup(param(request.params.group));
    response.status(204).end();
  });

  router.post('/security/roles', (request, response) => {
    response.status(201).json(admin.addRole(parseInput(createRoleBody, request.body)));
  });
  router.put('/security/roles/:role', (request, response) => {
    response.json(admin.updateRole(param(request.params.role), parseInput(updateRoleBody, request.body)));
  });
  router.delete('/security/roles/:role', (request, response) => {
    admin.deleteRole(param(request.params.role));
    response.status(204).end();
  });

  router.get('/security/api-keys', (request, response) => {
    const { user } = parseInput(apiKeysQuery, request.query, 'the query');
    response.json({ keys: apiKeys.list(user === undefined ? undefined : normalizeName(user)) });
  });
  router.post('/security/api-keys', async (request, response) => {
    response.status(201).json(await apiKeys.create(parseInput(createApiKeyBody, request.body)));
  });
  router.post('/security/test-keys', async (request, response) => {
    response.status(201).json(await testKeys.create(parseInput(createTestKeyBody, request.body)));
  });
  router.post('/security/api-keys/:id/revoke', (request, response) => {
    response.json(apiKeys.revoke(String(request.params.id)).record);
  });

  router.get('/security/secret-keys', (_request, response) => {
    response.json({ secretKeys: secretKeys.list() });
  });
  router.post('/security/secret-keys', (request, response) => {
    const body = parseInput(createSecretKeyBody, request.body);
    response.status(201).json(secretKeys.create(body.name, body.enabled, body.value));
  });
  router.patch('/security/secret-keys/:key', (request, response) => {
    response.json(secretKeys.update(param(request.params.key), parseInput(updateSecretKeyBody, request.body)));
  });
  router.put('/security/secret-keys/:key/value', (request, response) => {
    response.json(secretKeys.setValue(param(request.params.key), parseInput(secretValueBody, request.body).value).key);
  });
  router.get('/security/secret-keys/:key/references', (request, response) => {
    response.json({ references: secretKeys.references(param(request.params.key)) });
  });
  router.delete('/security/secret-keys/:key', (request, response) => {
    secretKeys.delete(param(request.params.key), confirmed(request.query));
    response.status(204).end();
  });

  router.post('/security/signing-key/rotate', (_request, response) => {
    response.json(rotateSigningKey(replace, deps.stores.security));
  });
  router.put('/security/signing-key', (request, response) => {
    response.json(installSigningKey(replace, deps.stores.security, new TextEncoder().encode(parseInput(signingKeyBody, request.body).value)));
  });

  return router;
}
