import express, { type ErrorRequestHandler, type Express } from 'express';
import type { AppDeps } from './app-deps.js';
import { adminRouter } from './admin/admin.router.js';
import { designerRoutes } from './designer-routes.js';
import { incomingApiRouter } from './api/incoming-api.router.js';
import { ADMIN_API_PREFIX } from '../shared/urls.js';

/** Builds the Express app (no `listen`): the incoming API, the admin API and the designer. */
export function createApp(deps: AppDeps): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false);
  app.set('query parser', 'simple');

  // Another process (the CLI) may have committed: drop what the caches hold before answering.
  // Requests read in the same turn of the event loop share one check (it takes a file lock):
  // each of them was sent after whatever that check can see.
  let checkedThisTurn = false;
  app.use((_request, _response, next) => {
    if (!checkedThisTurn) {
      checkedThisTurn = true;
      setImmediate(() => (checkedThisTurn = false));
      for (const kind of deps.externalChanges()) deps.stores.bus.notify(kind, 'elsewhere');
    }
    next();
  });

  app.use(incomingApiRouter(deps));
  app.use(ADMIN_API_PREFIX, adminRouter(deps));
  app.use(designerRoutes(deps));

  app.use((request, response) => {
    response.status(404).json({ status: 'Fail', message: `nothing at ${request.method} ${request.path}` });
  });
  app.use(((error: unknown, _request, response, _next) => {
    const failure = (error ?? {}) as { status?: unknown; message?: unknown };
    const status = typeof failure.status === 'number' && failure.status >= 400 && failure.status < 600 ? failure.status : 500;
    if (status >= 500) console.error(error);
    response.status(status).json({ status: 'Fail', message: status >= 500 ? 'internal error' : String(failure.message) });
  }) satisfies ErrorRequestHandler);
  return app;
}
