import { formatJsonPath, type PathSegment } from '../json-path.js';
import { findNodeType } from '../node-types/registry.js';
import { problemsFromZod, type Problem } from '../problem.js';
import type { Actionflow } from '../schemas/actionflow.schema.js';
import { cycleMembers } from '../flow-graph.js';

/** The result of checking a flow: the flow with each node's config parsed (defaults filled), and every problem. */
export interface CheckedActionflow {
  flow: Actionflow;
  problems: Problem[];
  /** The indexes of the nodes left as they were: of an unknown type, or with a config that does not parse. */
  unparsed: ReadonlySet<number>;
}

/**
 * Checks a structurally valid flow against the node-type registry and the graph rules of DESIGN §4:
 * unknown types, configs, duplicate ids and names, dangling connections, unknown points, cycles,
 * and the `apiInput` rule. Paths are prefixed with `prefix`.
 */
export function checkActionflow(flow: Actionflow, prefix: readonly PathSegment[] = []): CheckedActionflow {
  const problems: Problem[] = [];
  const at = (path: PathSegment[], message: string, ids: { nodeId?: string; connectionId?: string } = {}) =>
    problems.push({ path: formatJsonPath([...prefix, ...path]), message, ...ids });

  const unparsed = new Set<number>();
  const nodes = flow.nodes.map((node, index) => {
    const declaration = findNodeType(node.type);
    if (!declaration) {
      at(['nodes', index, 'type'], `unknown node type "${node.type}"`, { nodeId: node.id });
      unparsed.add(index);
      return node;
    }
    const parsed = declaration.configSchema.safeParse(node.config);
    if (!parsed.success) {
      for (const problem of problemsFromZod(parsed.error, [...prefix, 'nodes', index, 'config'])) problems.push({ ...problem, nodeId: node.id });
      unparsed.add(index);
      return node;
    }
    return { ...node, config: parsed.data as Record<string, unknown> };
  });

  const ids = new Map<string, number>();
  const names = new Map<string, number>();
  flow.nodes.forEach((node, index) => {
    if (ids.has(node.id)) at(['nodes', index, 'id'], `node id "${node.id}" is used twice`, { nodeId: node.id });
    else ids.set(node.id, index);
    if (names.has(node.name)) at(['nodes', index, 'name'], `node name "${node.name}" is used twice`, { nodeId: node.id });
    else names.set(node.name, index);
  });

  const apiInputs = flow.nodes.flatMap((node, index) => (node.type === 'apiInput' ? [index] : []));
  if (flow.api && apiInputs.length === 0) at(['nodes'], 'an API endpoint needs an apiInput node');
  for (const index of apiInputs.slice(1)) at(['nodes', index], 'a flow has at most one apiInput node', { nodeId: flow.nodes[index]!.id });

  const connectionIds = new Set<string>();
  const sound: Actionflow['connections'] = [];
  const seenLinks = new Set<string>();
  flow.connections.forEach((connection, index) => {
    const ref = { connectionId: connection.id };
    if (connectionIds.has(connection.id)) at(['connections', index, 'id'], `connection id "${connection.id}" is used twice`, ref);
    connectionIds.add(connection.id);
    const link = JSON.stringify([connection.from, connection.to]);
    if (seenLinks.has(link)) at(['connections', index], 'the same two points are connected twice', ref);
    seenLinks.add(link);
    let ok = true;
    for (const end of ['from', 'to'] as const) {
      const { node: nodeId, point } = connection[end];
      const nodeIndex = ids.get(nodeId);
      if (nodeIndex === undefined) {
        at(['connections', index, end, 'node'], `connects to node "${nodeId}", which is not in the flow`, ref);
        ok = false;
        continue;
      }
      const declaration = findNodeType(flow.nodes[nodeIndex]!.type);
      if (!declaration) continue;
      const points = end === 'from' ? declaration.outputs : declaration.inputs;
      if (!points.includes(point)) {
        const kind = end === 'from' ? 'output' : 'input';
        const has = points.length ? `it has ${points.map((p) => `"${p}"`).join(', ')}` : `it has no ${kind} point`;
        at(['connections', index, end, 'point'], `node "${flow.nodes[nodeIndex]!.name}" (${declaration.type}) has no ${kind} point "${point}"; ${has}`, ref);
        ok = false;
      }
    }
    if (ok) sound.push(connection);
  });

  // Only connections between real points can form a cycle worth reporting.
  const cyclic = cycleMembers({ nodes: flow.nodes, connections: sound });
  if (cyclic.length > 0) {
    const named = cyclic.map((id) => `"${flow.nodes[ids.get(id)!]?.name ?? id}"`).join(', ');
    at(['connections'], `the connections form a cycle through ${named}; a flow must not loop back`);
    for (const id of cyclic) problems.push({ path: formatJsonPath([...prefix, 'nodes', ids.get(id)!]), message: 'on a cycle', nodeId: id });
  }

  return { flow: { ...flow, nodes }, problems, unparsed };
}
