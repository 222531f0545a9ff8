import { checkExpressionText, checkTemplateText } from '../expressions/expression-check.js';
import type { ExpressionReads } from '../expressions/expression-reads.js';
import { secretKeyNamesIn } from '../expressions/secret-references.js';
import type { PathSegment } from '../json-path.js';
import { expressionFieldsOf, type ExpressionFieldValue } from '../node-types/expression-fields.js';
import { configKeysWithWidget, flowReferenceOf, tableReferenceOf } from '../node-types/references.js';
import type { CheckScope } from './check-scope.js';

/** One expression field with what it reads, for attribute awareness. */
export interface FieldReads {
  field: ExpressionFieldValue;
  reads: readonly ExpressionReads[];
}

/** A problem inside one node's config: the path below `config`, and what is wrong. */
export interface FieldProblem {
  path: PathSegment[];
  message: string;
}

/**
 * Checks the fields of one node whose config parsed: every expression and template parses, and
 * every table, column, called flow and secret key it names exists in `scope` (when one is given).
 */
export function checkNodeFields(
  node: { type: string; name: string; config: Record<string, unknown> },
  application: string,
  scope: CheckScope | undefined,
): { problems: FieldProblem[]; fields: FieldReads[] } {
  const problems: FieldProblem[] = [];
  const fields: FieldReads[] = [];
  for (const field of expressionFieldsOf(node)) {
    const checked = field.mode === 'template' ? checkTemplateText(field.text) : checkExpressionText(field.text);
    const what = field.mode === 'template' ? 'the template' : 'the expression';
    for (const message of checked.problems) problems.push({ path: field.path, message: `${what} ${message}` });
    fields.push({ field, reads: checked.reads });
    if (scope?.hasSecretKey) {
      for (const name of secretKeyNamesIn(field.text)) {
        if (!scope.hasSecretKey(name))
          problems.push({
            path: field.path,
            message: `_datasource.${name} names secret key "${name}", which does not exist; add it under Admin › Secret keys`,
          });
      }
    }
  }
  if (scope) problems.push(...referenceProblems(node, application, scope));
  return { problems, fields };
}

function referenceProblems(node: { type: string; config: Record<string, unknown> }, application: string, scope: CheckScope): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const table = tableReferenceOf(node);
  if (table !== undefined) {
    const columns = scope.tableColumns(application, table);
    const [tableKey] = configKeysWithWidget(node.type, 'table');
    if (!columns) problems.push({ path: [tableKey ?? 'table'], message: `table "${table}" does not exist in application "${application}"` });
    else {
      for (const key of configKeysWithWidget(node.type, 'column')) {
        const value = node.config[key];
        if (typeof value !== 'string' || value === '') continue;
        const column = value.startsWith('-') && !columns.includes(value) ? value.slice(1) : value;
        if (!columns.includes(column))
          problems.push({
            path: [key],
            message: `"${column}" is not a column of table "${table}"; it has ${columns.map((name) => `"${name}"`).join(', ') || 'no columns'}`,
          });
      }
    }
  }
  const target = flowReferenceOf(node);
  if (target && target.application && target.actionflow) {
    const found = scope.flow(target.application, target.actionflow);
    const [flowKey] = configKeysWithWidget(node.type, 'actionflow');
    if (!found)
      problems.push({ path: [flowKey ?? 'actionflow'], message: `actionflow "${target.actionflow}" does not exist in application "${target.application}"` });
    else if (found.flow && !found.flow.nodes.some((n) => n.type === 'apiInput')) {
      problems.push({ path: [flowKey ?? 'actionflow'], message: `actionflow "${target.actionflow}" has no API Input node, so it cannot be called` });
    }
  }
  return problems;
}
