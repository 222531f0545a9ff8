import type { Problem } from '../../../shared/problem.js';
import { problemsFromZod } from '../../../shared/problem.js';
import { actionflowSchema } from '../../../shared/schemas/actionflow.schema.js';
import { checkActionflow } from '../../../shared/validation/check-actionflow.js';
import type { Actionflow } from '../../../shared/schemas/actionflow.schema.js';
import { expressionFieldProblems } from './expression-field-problems.js';

/** The problems of a flow, each tied to its node or connection when it has one. */
export interface FlowProblems {
  all: Problem[];
  byNode: Record<string, string[]>;
  byEdge: Record<string, string[]>;
}

const NODE_PATH = /^\$\.nodes\[(\d+)\]/;
const CONNECTION_PATH = /^\$\.connections\[(\d+)\]/;

/**
 * Checks a flow as the server will on save: the schema of DESIGN §3 (names, settings), then the
 * node-type registry and graph rules (`checkActionflow`, shared with the server); and, beyond what
 * the server checks, expressions that do not parse.
 */
export function validateFlow(flow: Actionflow): FlowProblems {
  const parsed = actionflowSchema.safeParse(flow);
  const structural = parsed.success ? [] : problemsFromZod(parsed.error).map((problem) => attach(problem, flow));
  const checked = checkActionflow(parsed.success ? parsed.data : flow).problems;
  const all = dedupe([...structural, ...checked, ...expressionFieldProblems(flow)]);
  const byNode: Record<string, string[]> = {};
  const byEdge: Record<string, string[]> = {};
  for (const problem of all) {
    if (problem.nodeId) (byNode[problem.nodeId] ??= []).push(problem.message);
    if (problem.connectionId) (byEdge[problem.connectionId] ??= []).push(problem.message);
  }
  return { all, byNode, byEdge };
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
