import { Router } from 'express';
import { settingsSchema, type Settings } from '../../shared/schemas/settings.schema.js';
import type { AppDeps } from '../app-deps.js';
import { ValidationError } from '../errors/validation.error.js';
import { parseInput } from './parse-input.js';

const settingsChanges = settingsSchema.partial();

/**
 * The server's settings: read by the designer to build the URLs it copies (instance name, public
 * base URL), and changed from its admin screens. A change to `port` takes effect on the next start;
 * the others at the next request.
 */
export function settingsRoutes(deps: AppDeps): Router {
  const router = Router();
  router.get('/settings', (_request, response) => {
    response.json(deps.stores.settings.get());
  });
  router.patch('/settings', (request, response) => {
    const body: unknown = request.body;
    const parsed = parseInput(settingsChanges, body);
    // The partial schema still fills in defaults; only the keys the request names are changes.
    const named = new Set(Object.keys((body ?? {}) as object));
    const changes = Object.fromEntries(Object.entries(parsed).filter(([key]) => named.has(key))) as Partial<Settings>;
    if (Object.keys(changes).length === 0) throw new ValidationError('name at least one setting to change', [{ path: '$', message: 'no settings given' }]);
    response.json(deps.stores.settings.update(changes));
  });
  return router;
}
