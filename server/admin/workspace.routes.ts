import { Router } from 'express';
import { createApplicationBody, createFlowBody, renameBody, saveFlowBody, updateApplicationBody, validateFlowBody } from '../../shared/dto/workspace.dto.js';
import { normalizeName } from '../../shared/names.js';
import { problemsFromZod } from '../../shared/problem.js';
import { actionflowSchema } from '../../shared/schemas/actionflow.schema.js';
import { checkFlow } from '../../shared/validation/check-flow.js';
import type { AppDeps } from '../app-deps.js';
import { checkFlowInWorkspace } from '../workspace/flow-checks.js';
import { acceptFlow } from '../workspace/flow-input.js';
import { WorkspaceService } from '../workspace/workspace.service.js';
import { confirmed, parseInput } from './parse-input.js';
import { tableRoutes } from './table.routes.js';
import { transferRoutes } from './transfer.routes.js';

/** Path parameters are names: compared in NFC like stored names. */
const param = (value: string | string[] | undefined) => normalizeName(String(value ?? ''));

/** Applications and actionflows: list, read, create, save (with the base revision), rename, duplicate, delete. */
export function workspaceRoutes(deps: AppDeps): Router {
  const router = Router();
  const service = new WorkspaceService(deps.stores);

  router.get('/workspace', (_request, response) => {
    response.json(service.summary());
  });

  router.post('/applications', (request, response) => {
    const body = parseInput(createApplicationBody, request.body);
    response.status(201).json(service.createApplication(body.name, body.description));
  });
  router.patch('/applications/:app', (request, response) => {
    response.json(service.updateApplication(param(request.params.app), parseInput(updateApplicationBody, request.body)));
  });
  router.get('/applications/:app/references', (request, response) => {
    response.json({ references: service.applicationReferences(param(request.params.app)) });
  });
  router.delete('/applications/:app', (request, response) => {
    service.deleteApplication(param(request.params.app), confirmed(request.query));
    response.status(204).end();
  });

  router.post('/applications/:app/actionflows', (request, response) => {
    const flow = acceptFlow(parseInput(createFlowBody, request.body));
    response.status(201).json(service.createFlow(param(request.params.app), flow));
  });
  router.get('/applications/:app/actionflows/:flow', (request, response) => {
    response.json(service.getFlow(param(request.params.app), param(request.params.flow)));
  });
  router.put('/applications/:app/actionflows/:flow', (request, response) => {
    const body = parseInput(saveFlowBody, request.body);
    const flow = acceptFlow(body.flow);
    response.json(service.saveFlow(param(request.params.app), param(request.params.flow), flow, body.baseRevision));
  });
  router.post('/applications/:app/actionflows/:flow/rename', (request, response) => {
    const { name } = parseInput(renameBody, request.body);
    response.json(service.renameFlow(param(request.params.app), param(request.params.flow), name));
  });
  router.post('/applications/:app/actionflows/:flow/duplicate', (request, response) => {
    const body = request.body && Object.keys(request.body as object).length ? parseInput(renameBody, request.body) : undefined;
    response.status(201).json(service.duplicateFlow(param(request.params.app), param(request.params.flow), body?.name));
  });
  router.get('/applications/:app/actionflows/:flow/references', (request, response) => {
    response.json({ references: service.flowReferences(param(request.params.app), param(request.params.flow)) });
  });
  router.delete('/applications/:app/actionflows/:flow', (request, response) => {
    service.deleteFlow(param(request.params.app), param(request.params.flow), confirmed(request.query));
    response.status(204).end();
  });

  // Validation never refuses: it answers with the problems and warnings a save would, for the designer to show as the user edits.
  router.post('/validate/actionflow', (request, response) => {
    const body = parseInput(validateFlowBody, request.body);
    const parsed = actionflowSchema.safeParse(body.flow);
    if (!parsed.success) {
      response.json({ problems: problemsFromZod(parsed.error), warnings: [] });
      return;
    }
    const application = body.application === undefined ? undefined : normalizeName(body.application);
    const name = body.name === undefined ? undefined : normalizeName(body.name);
    const { problems, warnings } =
      application === undefined
        ? checkFlow(parsed.data, '')
        : (deps.stores.applications.get(application), checkFlowInWorkspace(deps.stores, application, parsed.data, name));
    response.json({ problems, warnings });
  });

  router.use(tableRoutes(deps));
  router.use(transferRoutes(deps));
  return router;
}
