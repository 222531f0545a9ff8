import { formatJsonPath, type PathSegment } from '../json-path.js';
import type { Problem } from '../problem.js';
import type { Actionflow } from '../schemas/actionflow.schema.js';
import { flowAttributes } from './attribute-awareness.js';
import { checkActionflow } from './check-actionflow.js';
import { checkNodeFields, type FieldReads } from './check-node-fields.js';
import type { CheckScope } from './check-scope.js';
import { flowWarnings } from './flow-warnings.js';

/** A flow checked fully (DESIGN §4 "Checked before it is live"): problems would make it fail; warnings do not block. */
export interface FlowCheck {
  /** The flow with each node's config parsed (defaults filled) where it parses. */
  flow: Actionflow;
  problems: Problem[];
  warnings: Problem[];
}

/**
 * Checks a structurally valid flow fully and lists every problem at once: the graph rules
 * (`checkActionflow`), every expression and template, every table, column, called flow and secret
 * key named (against `scope` when given), then the warnings. `application` is the flow's own.
 */
export function checkFlow(input: Actionflow, application: string, scope?: CheckScope, prefix: readonly PathSegment[] = []): FlowCheck {
  const { flow, problems, unparsed } = checkActionflow(input, prefix);
  const graphIsSound = problems.length === 0;
  const fields = new Map<string, FieldReads[]>();
  flow.nodes.forEach((node, index) => {
    if (unparsed.has(index)) return;
    const checked = checkNodeFields(node, application, scope);
    fields.set(node.id, checked.fields);
    for (const problem of checked.problems) {
      problems.push({ path: formatJsonPath([...prefix, 'nodes', index, 'config', ...problem.path]), message: problem.message, nodeId: node.id });
    }
  });
  if (!graphIsSound) return { flow, problems, warnings: [] };
  const attributes = flowAttributes(flow, application, scope);
  return { flow, problems, warnings: flowWarnings({ flow, application, scope, fields, attributes, prefix }) };
}
