import type { Problem } from '../../../shared/problem.js';
import { problemsFromZod } from '../../../shared/problem.js';
import { actionflowSchema } from '../../../shared/schemas/actionflow.schema.js';
import { checkFlow } from '../../../shared/validation/check-flow.js';
import type { CheckScope } from '../../../shared/validation/check-scope.js';
import type { Actionflow } from '../../../shared/schemas/actionflow.schema.js';

/** The problems and warnings of a flow, each tied to its node or connection when it has one. */
export interface FlowProblems {
  all: Problem[];
  byNode: Record<string, string[]>;
  byEdge: Record<string, string[]>;
  /** Things that do not block a save (DESIGN §4): a stray node, an unconnected point, an attribute nothing sets. */
  warnings: Problem[];
  warningsByNode: Record<string, string[]>;
}

const NODE_PATH = /^\$\.nodes\[(\d+)\]/;
const CONNECTION_PATH = /^\$\.connections\[(\d+)\]/;

/**
 * Checks a flow as the server will on save (shared with it): the schema of DESIGN §3, the graph
 * rules, every expression and template, and, against `scope` (the workspace the designer knows),
 * the tables, columns and flows it names; then the warnings.
 */
export function validateFlow(flow: Actionflow, application = '', scope?: CheckScope): FlowProblems {
  const parsed = actionflowSchema.safeParse(flow);
  const structural = parsed.success ? [] : problemsFromZod(parsed.error).map((problem) => attach(problem, flow));
  const checked = checkFlow(parsed.success ? parsed.data : flow, application, scope);
  const all = dedupe([...structural, ...checked.problems]);
  const warnings = parsed.success ? checked.warnings : [];
  const byNode: Record<string, string[]> = {};
  const byEdge: Record<string, string[]> = {};
  const warningsByNode: Record<string, string[]> = {};
  for (const problem of all) {
    if (problem.nodeId) (byNode[problem.nodeId] ??= []).push(problem.message);
    if (problem.connectionId) (byEdge[problem.connectionId] ??= []).push(problem.message);
  }
  for (const warning of warnings) if (warning.nodeId) (warningsByNode[warning.nodeId] ??= []).push(warning.message);
  return { all, byNode, byEdge, warnings, warningsByNode };
}

/** Ties a schema problem to its node or connection by the index in its path. */
function attach(problem: Problem, flow: Actionflow): Problem {
  const node = NODE_PATH.exec(problem.path);
  if (node) return { ...problem, nodeId: flow.nodes[Number(node[1])]?.id ?? '' };
  const connection = CONNECTION_PATH.exec(problem.path);
  if (connection) return { ...problem, connectionId: flow.connections[Number(connection[1])]?.id ?? '' };
  return problem;
}

function dedupe(problems: Problem[]): Problem[] {
  const seen = new Set<string>();
  return problems.filter((problem) => {
    const key = `${problem.path}\u0000${problem.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
