import { topologicalOrder } from '../flow-graph.js';
import { flowReferenceOf, tableReferenceOf } from '../node-types/references.js';
import type { Actionflow, FlowNode } from '../schemas/actionflow.schema.js';
import type { CheckScope } from './check-scope.js';

/** The attribute names a record can carry at some place in a flow; `open` when other names may be there too. */
export interface AttributeSet {
  names: ReadonlySet<string>;
  open: boolean;
}

/** The attributes of the record `apiInput` emits in an API endpoint (DESIGN §4). */
export const REQUEST_ATTRIBUTES = ['body', 'headers', 'contentType', 'url'] as const;

const OPEN: AttributeSet = { names: new Set(), open: true };
const MAX_CALL_DEPTH = 8;

/** What reaches each node of a flow, and what reaches its `output` nodes as a caller sees it. */
export interface FlowAttributes {
  /** Per node id: the attributes a record arriving at it can carry. Absent for a node no record reaches. */
  reaching: Map<string, AttributeSet>;
  /** What the flow emits to a `callFlow` caller: the union over its `output` nodes, trimmed, with `_output`. */
  emitted: AttributeSet;
}

const union = (sets: readonly AttributeSet[]): AttributeSet => ({
  names: new Set(sets.flatMap((set) => [...set.names])),
  open: sets.some((set) => set.open),
});

const withNames = (set: AttributeSet, names: readonly string[]): AttributeSet => ({ names: new Set([...set.names, ...names]), open: set.open });

/**
 * Works out, for each node, the attributes that can reach it (DESIGN §4 attribute awareness):
 * `apiInput`'s four and its declared parameters, `calculate` names, `split` items, table columns,
 * `http` outputs, `callFlow` targets' outputs and `aggregate`'s `into`/`key`. The flow must have
 * passed `checkActionflow` (configs parsed, no cycle). `input` is what a caller's record carries.
 */
export function flowAttributes(
  flow: Actionflow,
  application: string,
  scope: CheckScope | undefined,
  input?: AttributeSet,
  calls: readonly string[] = [],
): FlowAttributes {
  const byId = new Map(flow.nodes.map((node) => [node.id, node]));
  const emitted = new Map<string, Map<string, AttributeSet>>();
  const reaching = new Map<string, AttributeSet>();
  for (const id of topologicalOrder(flow).order) {
    const node = byId.get(id)!;
    const arriving = flow.connections
      .filter((connection) => connection.to.node === id)
      .map((connection) => emitted.get(connection.from.node)?.get(connection.from.point))
      .filter((set): set is AttributeSet => set !== undefined);
    if (node.type === 'apiInput') {
      emitted.set(id, new Map([['out', input ?? requestAttributes(flow, node)]]));
      continue;
    }
    if (arriving.length === 0) continue;
    const arrived = union(arriving);
    reaching.set(id, arrived);
    emitted.set(id, nodeEmits(node, arrived, application, scope, calls));
  }
  const outputs = flow.nodes
    .filter((node) => node.type === 'output' && reaching.has(node.id))
    .map((node) => {
      const trimmed = node.config.attributes as string[] | undefined;
      return trimmed?.length ? { names: new Set(trimmed), open: false } : reaching.get(node.id)!;
    });
  return { reaching, emitted: withNames(union(outputs), ['_output']) };
}

function requestAttributes(flow: Actionflow, node: FlowNode): AttributeSet {
  // A flow that is no endpoint runs only through callFlow, with the caller's record.
  if (!flow.api) return OPEN;
  const parameters = (node.config.parameters as { name: string }[] | undefined) ?? [];
  return { names: new Set([...REQUEST_ATTRIBUTES, ...parameters.map((parameter) => parameter.name)]), open: false };
}

/** Per output point, what a node sends on given what reached it. */
function nodeEmits(
  node: FlowNode,
  arrived: AttributeSet,
  application: string,
  scope: CheckScope | undefined,
  calls: readonly string[],
): Map<string, AttributeSet> {
  const config = node.config;
  const out = (set: AttributeSet) => new Map([['out', set]]);
  switch (node.type) {
    case 'calculate':
      return out(
        withNames(
          arrived,
          ((config.attributes as { name: string }[] | undefined) ?? []).map((attribute) => attribute.name),
        ),
      );
    case 'gateway':
      return new Map([
        ['true', arrived],
        ['false', arrived],
      ]);
    case 'split':
      // An object element merges keys no one can know before the run.
      return out({ names: new Set([...arrived.names, 'item']), open: true });
    case 'aggregate': {
      const into = (config.into as string | undefined) ?? 'items';
      return out({ names: new Set(config.groupBy ? ['key', into] : [into]), open: false });
    }
    case 'readTable':
    case 'saveTable':
      return out(tableAttributes(node, application, scope));
    case 'http': {
      const outputs = ((config.outputs as { name: string }[] | undefined) ?? []).map((output) => output.name);
      return new Map([
        ['out', withNames(arrived, ['statusCode', ...outputs])],
        ['error', withNames(arrived, ['statusCode', 'errorMessage'])],
      ]);
    }
    case 'callFlow':
      return out(calledFlowAttributes(node, arrived, scope, calls));
    default:
      return out(arrived);
  }
}

function tableAttributes(node: FlowNode, application: string, scope: CheckScope | undefined): AttributeSet {
  const table = tableReferenceOf(node);
  const columns = table === undefined ? undefined : scope?.tableColumns(application, table);
  return columns ? { names: new Set(columns), open: false } : OPEN;
}

function calledFlowAttributes(node: FlowNode, arrived: AttributeSet, scope: CheckScope | undefined, calls: readonly string[]): AttributeSet {
  const target = flowReferenceOf(node);
  const found = target && scope?.flow(target.application, target.actionflow)?.flow;
  const key = target && JSON.stringify([target.application, target.actionflow]);
  if (!target || !found || !key || calls.includes(key) || calls.length >= MAX_CALL_DEPTH) return OPEN;
  try {
    return flowAttributes(found, target.application, scope, arrived, [...calls, key]).emitted;
  } catch {
    // A target that is not a sound graph (it has its own problems) tells us nothing.
    return OPEN;
  }
}
