import { expressionLimitsOf } from '../engine/expressions/expression-compiler.js';
import express, { Router, type ErrorRequestHandler } from 'express';
import type { AppDeps } from '../app-deps.js';
import { StudioError } from '../errors/studio.error.js';
import { adminAuth } from './admin-auth.js';
import { consoleRoutes } from './console.routes.js';
import { localPreviewer } from '../engine/expression-preview.js';
import { previewRoutes } from './preview.routes.js';
import { securityRoutes } from './security.routes.js';
import { settingsRoutes } from './settings.routes.js';
import { workspaceRoutes } from './workspace.routes.js';

/** The admin API the designer and scripts use: token and loopback Host required, JSON in and out. */
export function adminRouter(deps: AppDeps): Router {
  const router = Router();
  router.use(adminAuth(deps));
  router.use((_request, response, next) => {
    response.set('Cache-Control', 'no-store');
    next();
  });
  router.use(express.json({ limit: '50mb', strict: false }));
  router.use(workspaceRoutes(deps));
  router.use(securityRoutes(deps));
  router.use(settingsRoutes(deps));
  router.use(consoleRoutes(deps.services));
  router.use(previewRoutes(deps.previewer ?? localPreviewer(() => expressionLimitsOf(deps.stores.settings.get()))));
  router.use((request, response) => {
    response.status(404).json({ message: `no admin route ${request.method} ${request.path}` });
  });
  router.use(adminErrors);
  return router;
}

/** Turns thrown errors into `{message, problems?}` with their status; a body that is not JSON is a 400. */
export const adminErrors: ErrorRequestHandler = (error, _request, response, _next) => {
  if (error instanceof StudioError) {
    response.status(error.status).json({ message: error.message, ...(error.problems.length ? { problems: error.problems } : {}), ...error.details });
    return;
  }
  // Express's body parser and http-errors put a `type` and a `status` on what they throw.
  const failure = (error ?? {}) as { type?: unknown; status?: unknown; message?: unknown };
  if (failure.type === 'entity.parse.failed') {
    // The parser's own message quotes the body, which may hold a secret value: say only where it broke.
    const position = /position (\d+)/.exec(String(failure.message))?.[1];
    response.status(400).json({ message: `the request body is not valid JSON${position === undefined ? '' : ` (at character ${position})`}` });
    return;
  }
  if (typeof failure.status === 'number' && failure.status >= 400 && failure.status < 500) {
    response.status(failure.status).json({ message: String(failure.message) });
    return;
  }
  console.error(error);
  response.status(500).json({ message: 'internal error' });
};
