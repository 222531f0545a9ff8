import { Router } from 'express';
import { exportQuery, importQuery } from '../../shared/dto/workspace.dto.js';
import { parseWorkspace } from '../../shared/validation/parse-workspace.js';
import type { AppDeps } from '../app-deps.js';
import { ValidationError } from '../errors/validation.error.js';
import { exportWorkspace } from '../workspace/export.service.js';
import { fullCheckAgainst } from '../workspace/full-check.js';
import { checkLists, importWorkspace } from '../workspace/import.service.js';
import { parseInput } from './parse-input.js';

/** Export and import of workspace files, with the CLI's semantics. */
export function transferRoutes(deps: AppDeps): Router {
  const router = Router();

  router.get('/export', (request, response) => {
    const query = parseInput(exportQuery, request.query, 'the query');
    const document = exportWorkspace(deps.stores, query);
    const base = query.actionflow ?? query.application ?? 'workspace';
    response.set(
      'Content-Disposition',
      `attachment; filename="${base.replace(/[^\w.-]+/g, '_')}.actionflow.json"; filename*=UTF-8''${encodeURIComponent(base)}.actionflow.json`,
    );
    response.json(document);
  });

  router.post('/import', (request, response) => {
    const query = parseInput(importQuery, request.query, 'the query');
    const parsed = parseWorkspace(request.body, fullCheckAgainst(deps.stores));
    if (!parsed.ok) {
      throw new ValidationError(
        `the file was refused: ${parsed.problems.length} problem(s); nothing was changed`,
        parsed.problems,
        parsed.warnings.length ? { warnings: parsed.warnings } : {},
      );
    }
    const summary = importWorkspace(deps.stores, parsed.workspace, { onConflict: query.onConflict, dryRun: query.dryRun === 'true' });
    response.json({ ...summary, ...checkLists(parsed) });
  });

  return router;
}
