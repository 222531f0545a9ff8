import type { z } from 'zod';
import { formatJsonPath, type PathSegment } from '../../../shared/json-path.js';
import { fieldMeta } from '../../../shared/node-types/fields.js';
import { findNodeType } from '../../../shared/node-types/registry.js';
import type { Problem } from '../../../shared/problem.js';
import type { Actionflow } from '../../../shared/schemas/actionflow.schema.js';
import { problemOf } from './expression/expression-problems.js';
import { arrayElement, objectShape } from './properties/schema-shape.js';

/** Parse problems of the expression and template fields in `value` (an object of `schema`), at their paths. */
function fieldProblems(schema: z.ZodType, value: unknown, path: PathSegment[], nodeId: string): Problem[] {
  if (typeof value !== 'object' || value === null) return [];
  const record = value as Record<string, unknown>;
  return objectShape(schema).flatMap(([key, field]) => {
    const meta = fieldMeta(field);
    const fieldValue = record[key];
    if ((meta?.widget === 'expression' || meta?.widget === 'template') && typeof fieldValue === 'string') {
      const problem = problemOf(fieldValue, meta.widget);
      return problem ? [{ path: formatJsonPath([...path, key]), message: `${meta.title}: ${problem.message}`, nodeId }] : [];
    }
    const item = meta?.widget === 'list' ? arrayElement(field) : undefined;
    if (item && Array.isArray(fieldValue)) return fieldValue.flatMap((entry, index) => fieldProblems(item, entry, [...path, key, index], nodeId));
    return [];
  });
}

/**
 * Expressions that do not parse. The server stores them (they fail when a record reaches them), so
 * the designer points them out on their nodes before that happens.
 */
export function expressionFieldProblems(flow: Actionflow): Problem[] {
  return flow.nodes.flatMap((node, index) => {
    const declaration = findNodeType(node.type);
    return declaration ? fieldProblems(declaration.configSchema, node.config, ['nodes', index, 'config'], node.id) : [];
  });
}
