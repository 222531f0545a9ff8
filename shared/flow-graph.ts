/** The minimal shape of a flow's graph. */
export interface GraphShape {
  nodes: readonly { id: string }[];
  connections: readonly { from: { node: string }; to: { node: string } }[];
}

/**
 * Orders node ids so that every connection goes forward (Kahn's algorithm, stable in node order).
 * Connections to unknown nodes are ignored; `cyclic` lists the nodes that sit on or behind a cycle.
 */
export function topologicalOrder(graph: GraphShape): { order: string[]; cyclic: string[] } {
  const ids = graph.nodes.map((node) => node.id);
  const known = new Set(ids);
  const incoming = new Map<string, number>(ids.map((id) => [id, 0]));
  const next = new Map<string, string[]>(ids.map((id) => [id, []]));
  for (const { from, to } of graph.connections) {
    if (!known.has(from.node) || !known.has(to.node)) continue;
    next.get(from.node)!.push(to.node);
    incoming.set(to.node, incoming.get(to.node)! + 1);
  }
  const ready = ids.filter((id) => incoming.get(id) === 0);
  const order: string[] = [];
  while (ready.length > 0) {
    const id = ready.shift()!;
    order.push(id);
    for (const target of next.get(id)!) {
      const remaining = incoming.get(target)! - 1;
      incoming.set(target, remaining);
      if (remaining === 0) ready.push(target);
    }
  }
  const placed = new Set(order);
  return { order, cyclic: ids.filter((id) => !placed.has(id)) };
}

/** The nodes that lie on a cycle: what remains once nodes with no way forward or back are peeled off. */
export function cycleMembers(graph: GraphShape): string[] {
  const remaining = new Set(topologicalOrder(graph).cyclic);
  let changed = true;
  while (changed) {
    changed = false;
    for (const id of remaining) {
      const leadsOn = graph.connections.some((c) =>
        c.from.node === id && c.to.node !== id ? remaining.has(c.to.node) : c.from.node === id && c.to.node === id,
      );
      if (!leadsOn) {
        remaining.delete(id);
        changed = true;
      }
    }
  }
  return graph.nodes.map((node) => node.id).filter((id) => remaining.has(id));
}

/**
 * A tap (DESIGN §4 `debug`): a `debug` node with no outgoing connection whose input comes from a
 * node that also has another outgoing connection (a debug hung off a wire).
 */
export function isTap(graph: GraphShape & { nodes: readonly { id: string; type: string }[] }, node: { id: string; type: string }): boolean {
  if (node.type !== 'debug' || graph.connections.some((connection) => connection.from.node === node.id)) return false;
  const feeders = new Set(graph.connections.filter((connection) => connection.to.node === node.id).map((connection) => connection.from.node));
  return graph.connections.some((connection) => feeders.has(connection.from.node) && connection.to.node !== node.id);
}
