import { Router } from 'express';
import { expressionPreviewRequestSchema } from '../../shared/dto/expression-preview.dto.js';
import type { ExpressionPreviewer } from '../engine/expression-preview.js';
import { parseInput } from './parse-input.js';

/** POST /expressions/preview: an expression field's value against a record of a run, as the designer types (DESIGN §8). */
export function previewRoutes(previewer: ExpressionPreviewer): Router {
  const router = Router();
  router.post('/expressions/preview', async (request, response) => {
    response.json(await previewer(parseInput(expressionPreviewRequestSchema, request.body, 'the preview request')));
  });
  return router;
}
