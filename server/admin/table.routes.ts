import { Router } from 'express';
import { createTableBody, rowBody, rowsQuery, updateTableBody } from '../../shared/dto/workspace.dto.js';
import { normalizeName } from '../../shared/names.js';
import type { AppDeps } from '../app-deps.js';
import { ValidationError } from '../errors/validation.error.js';
import { TableService } from '../workspace/table.service.js';
import { confirmed, parseInput } from './parse-input.js';

const param = (value: string | string[] | undefined) => normalizeName(String(value ?? ''));

function rowId(value: string | string[] | undefined): number {
  const id = Number(value);
  if (!Number.isSafeInteger(id) || id < 1) throw new ValidationError(`"${String(value)}" is not a row id`);
  return id;
}

/** Application tables and their rows. */
export function tableRoutes(deps: AppDeps): Router {
  const router = Router();
  const service = new TableService(deps.stores);
  const base = '/applications/:app/tables';

  router.post(base, (request, response) => {
    const body = parseInput(createTableBody, request.body);
    response.status(201).json(service.createTable(param(request.params.app), body.name, body.columns));
  });
  router.get(`${base}/:table`, (request, response) => {
    response.json(service.getTable(param(request.params.app), param(request.params.table)));
  });
  router.patch(`${base}/:table`, (request, response) => {
    const { baseRevision, ...changes } = parseInput(updateTableBody, request.body);
    response.json(service.updateTable(param(request.params.app), param(request.params.table), changes, baseRevision));
  });
  router.get(`${base}/:table/references`, (request, response) => {
    response.json({ references: service.tableReferences(param(request.params.app), param(request.params.table)) });
  });
  router.delete(`${base}/:table`, (request, response) => {
    service.deleteTable(param(request.params.app), param(request.params.table), confirmed(request.query));
    response.status(204).end();
  });

  router.get(`${base}/:table/rows`, (request, response) => {
    const page = parseInput(rowsQuery, request.query, 'the query');
    response.json(service.rows(param(request.params.app), param(request.params.table), page));
  });
  router.post(`${base}/:table/rows`, (request, response) => {
    const body = request.body as { rows?: unknown } | undefined;
    const rows: unknown[] = Array.isArray(body?.rows) ? body.rows : [parseInput(rowBody, body).values];
    const ids = service.insertRows(
      param(request.params.app),
      param(request.params.table),
      rows.map((row) => parseInput(rowBody, { values: row }).values),
    );
    response.status(201).json({ ids });
  });
  router.put(`${base}/:table/rows/:row`, (request, response) => {
    const { values } = parseInput(rowBody, request.body);
    service.updateRow(param(request.params.app), param(request.params.table), rowId(request.params.row), values);
    response.status(204).end();
  });
  router.delete(`${base}/:table/rows/:row`, (request, response) => {
    service.deleteRow(param(request.params.app), param(request.params.table), rowId(request.params.row));
    response.status(204).end();
  });
  return router;
}
