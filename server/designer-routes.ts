import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import express, { Router } from 'express';
import type { AppDeps } from './app-deps.js';
import { STUDIO_PREFIX } from '../shared/urls.js';

/** The Content-Security-Policy of the designer: its own origin only, no inline script or style elements. */
export const DESIGNER_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  "form-action 'none'",
].join('; ');

/** Serves the built designer: `index.html` at `/`, its assets under `/_studio/ui/`. */
export function designerRoutes(deps: AppDeps): Router {
  const router = Router();
  const dir = deps.rendererDir;
  const index = dir && existsSync(join(dir, 'index.html')) ? readFileSync(join(dir, 'index.html'), 'utf8') : undefined;
  router.get('/', (_request, response) => {
    response.set('Content-Security-Policy', DESIGNER_CSP);
    response.set('Cache-Control', 'no-store');
    response.set('X-Content-Type-Options', 'nosniff');
    response.set('Referrer-Policy', 'no-referrer');
    if (!index) {
      response.status(503).type('text/plain').send('The designer is not built: run `npm run build`.');
      return;
    }
    response.type('html').send(index);
  });
  if (dir) {
    router.use(
      `${STUDIO_PREFIX}/ui`,
      express.static(dir, {
        index: false,
        immutable: true,
        maxAge: '1y',
        setHeaders: (response) => response.set('X-Content-Type-Options', 'nosniff'),
      }),
    );
  }
  return router;
}
