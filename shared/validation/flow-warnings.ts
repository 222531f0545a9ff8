import { formatJsonPath, type PathSegment } from '../json-path.js';
import { findNodeType } from '../node-types/registry.js';
import { tableReferenceOf } from '../node-types/references.js';
import type { Problem } from '../problem.js';
import type { Actionflow, FlowNode } from '../schemas/actionflow.schema.js';
import { closestName } from '../text/closest-name.js';
import type { AttributeSet, FlowAttributes } from './attribute-awareness.js';
import type { FieldReads } from './check-node-fields.js';
import type { CheckScope } from './check-scope.js';
import { ignoredHeadersWarning } from './response-headers-warning.js';

/** Where a record's journey shows: a node of one of these types is worth reaching (DESIGN §4). */
const VISIBLE_ENDS = new Set(['output', 'response', 'saveTable', 'http', 'callFlow', 'debug', 'error']);

/** Why a point left unconnected loses records, per node type and point. */
const UNCONNECTED_POINTS: Record<string, Record<string, string>> = {
  gateway: {
    true: 'records for which the condition holds are dropped',
    false: 'records for which the condition does not hold are dropped',
  },
  http: { error: 'a failed call fails the record; connect "error" to handle it' },
};

export interface WarningInput {
  flow: Actionflow;
  application: string;
  scope: CheckScope | undefined;
  /** The expression fields of each node (by id), with what they read. */
  fields: ReadonlyMap<string, FieldReads[]>;
  attributes: FlowAttributes;
  prefix: readonly PathSegment[];
}

/**
 * The warnings of DESIGN §4, which never block a save: a node no record can reach, a node whose
 * records reach nothing visible, an unconnected `gateway` or `http` `error` point, and an attribute
 * read that no node upstream can set. The flow must have passed `checkActionflow`.
 */
export function flowWarnings(input: WarningInput): Problem[] {
  const { flow, prefix } = input;
  const warnings: Problem[] = [];
  const warn = (index: number, path: PathSegment[], message: string) =>
    warnings.push({ path: formatJsonPath([...prefix, 'nodes', index, ...path]), message, nodeId: flow.nodes[index]!.id });

  const links = linksOf(flow);
  const inputNode = flow.nodes.find((node) => node.type === 'apiInput');
  const reached = inputNode ? walk([inputNode.id], links.next) : new Set<string>();
  const seen = walk(
    flow.nodes.filter((node) => VISIBLE_ENDS.has(node.type)).map((node) => node.id),
    links.previous,
  );

  flow.nodes.forEach((node, index) => {
    if (!findNodeType(node.type)) return;
    if (!reached.has(node.id)) {
      warn(
        index,
        [],
        inputNode
          ? `no record can reach "${node.name}": no connection leads to it from "${inputNode.name}"`
          : `no record can reach "${node.name}": the flow has no API Input node`,
      );
      return;
    }
    if (!seen.has(node.id)) {
      warn(index, [], `records that reach "${node.name}" go nowhere: no output, response, table, HTTP call, flow call, debug or error node follows it`);
    }
    const connected = new Set(links.points.get(node.id));
    for (const [point, loss] of Object.entries(UNCONNECTED_POINTS[node.type] ?? {})) {
      if (!connected.has(point)) warn(index, [], `the "${point}" point of "${node.name}" is not connected: ${loss}`);
    }
    for (const { path, message } of readWarnings(node, input)) warn(index, path, message);
    const headers = ignoredHeadersWarning(flow, node, () => walk([node.id], links.previous));
    if (headers) warn(index, ['config'], headers);
  });
  return warnings;
}

/** Each node's neighbours along the connections, both ways, and the output points it has connected: read once, not per node. */
function linksOf(flow: Actionflow): { next: Map<string, string[]>; previous: Map<string, string[]>; points: Map<string, string[]> } {
  const next = new Map<string, string[]>();
  const previous = new Map<string, string[]>();
  const points = new Map<string, string[]>();
  const add = (map: Map<string, string[]>, key: string, value: string) => {
    const list = map.get(key);
    if (list) list.push(value);
    else map.set(key, [value]);
  };
  for (const connection of flow.connections) {
    add(next, connection.from.node, connection.to.node);
    add(previous, connection.to.node, connection.from.node);
    add(points, connection.from.node, connection.from.point);
  }
  return { next, previous, points };
}

/** The nodes reached from `start` (itself included) by following `next`. */
function walk(start: string[], next: ReadonlyMap<string, readonly string[]>): Set<string> {
  const found = new Set(start);
  const queue = [...start];
  while (queue.length > 0) {
    for (const id of next.get(queue.pop()!) ?? []) {
      if (!found.has(id)) {
        found.add(id);
        queue.push(id);
      }
    }
  }
  return found;
}

/** Attribute reads of one node that nothing upstream sets, each at the field that reads it. */
function readWarnings(node: FlowNode, input: WarningInput): { path: PathSegment[]; message: string }[] {
  const arrived = input.attributes.reaching.get(node.id);
  if (!arrived) return [];
  const found: { path: PathSegment[]; message: string }[] = [];
  const check = (name: string, set: AttributeSet, path: PathSegment[], what = 'no node upstream sets') => {
    if (set.open || name.startsWith('_') || set.names.has(name)) return;
    const suggestion = closestName(name, set.names);
    found.push({ path, message: `"${node.name}" reads "${name}", which ${what}${suggestion ? `; did you mean "${suggestion}"?` : ''}` });
  };
  const setBefore = calculatedBefore(node);
  for (const { field, reads } of input.fields.get(node.id) ?? []) {
    const path = ['config', ...field.path];
    const own =
      field.path[0] === 'attributes' && typeof field.path[1] === 'number'
        ? setBefore(arrived, field.path[1])
        : field.path[0] === 'outputs'
          ? httpReply(node, arrived)
          : arrived;
    const inputSet = node.type === 'readTable' && field.key === 'where' ? rowAttributes(node, input) : own;
    const inputWhat = node.type === 'readTable' && field.key === 'where' ? `is not a column of table "${tableReferenceOf(node)}"` : undefined;
    for (const read of reads) {
      for (const name of read.input) check(name, inputSet, path, inputWhat);
      for (const name of read.arrived) check(name, arrived, path);
    }
  }
  if (node.type === 'output') {
    ((node.config.attributes as string[] | undefined) ?? []).forEach((name, index) => check(name, arrived, ['config', 'attributes', index]));
  }
  return found;
}

/** For a `calculate`: what its attribute at `index` sees, the arriving record and the attributes set above it. */
function calculatedBefore(node: FlowNode): (arrived: AttributeSet, index: number) => AttributeSet {
  const names = node.type === 'calculate' ? ((node.config.attributes as { name: string }[] | undefined) ?? []).map((attribute) => attribute.name) : [];
  return (arrived, index) => ({ names: new Set([...arrived.names, ...names.slice(0, index)]), open: arrived.open });
}

/** For an `http` output's expression: the record with `statusCode` and the output attributes. */
function httpReply(node: FlowNode, arrived: AttributeSet): AttributeSet {
  const outputs = ((node.config.outputs as { name: string }[] | undefined) ?? []).map((output) => output.name);
  return { names: new Set([...arrived.names, 'statusCode', ...outputs]), open: arrived.open };
}

function rowAttributes(node: FlowNode, input: WarningInput): AttributeSet {
  const table = tableReferenceOf(node);
  const columns = table === undefined ? undefined : input.scope?.tableColumns(input.application, table);
  return columns ? { names: new Set(columns), open: false } : { names: new Set(), open: true };
}
