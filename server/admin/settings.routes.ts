import { Router } from 'express';
import type { AppDeps } from '../app-deps.js';

/** The server's settings, read by the designer to build the URLs it copies (instance name, public base URL). */
export function settingsRoutes(deps: AppDeps): Router {
  const router = Router();
  router.get('/settings', (_request, response) => {
    response.json(deps.stores.settings.get());
  });
  return router;
}
