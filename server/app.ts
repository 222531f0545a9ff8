import type { RequestListener } from 'node:http';
import express, { type ErrorRequestHandler, type Express } from 'express';
import type { AppDeps } from './app-deps.js';
import { adminRouter } from './admin/admin.router.js';
import { designerRoutes } from './designer-routes.js';
import { incomingApiHandler } from './api/incoming-api.handler.js';
import { ADMIN_API_PREFIX } from '../shared/urls.js';

/**
 * The server's request listener (no `listen`): the incoming API on `node:http` directly, then the
 * admin API and the designer on Express.
 */
export function createApp(deps: AppDeps): RequestListener {
  const incomingApi = incomingApiHandler(deps);
  const designer = designerApp(deps);
  // Another process (the CLI) may have committed: drop what the caches hold before answering.
  // Requests read in the same turn of the event loop share one check (it takes a file lock):
  // each of them was sent after whatever that check can see.
  let checkedThisTurn = false;
  return (request, response) => {
    if (!checkedThisTurn) {
      checkedThisTurn = true;
      setImmediate(() => (checkedThisTurn = false));
      for (const kind of deps.externalChanges()) deps.stores.bus.notify(kind, 'elsewhere');
    }
    if (!incomingApi(request, response)) designer(request, response);
  };
}

/** The Express app of the admin API and the designer. */
function designerApp(deps: AppDeps): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false);
  app.set('query parser', 'simple');

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
