import { flowReferenceOf } from '../node-types/references.js';

/** A flow as far as being live goes: its application, name, `api` settings and nodes. */
export interface FlowInPlace {
  application: string;
  flow: { name: string; api?: { enabled?: boolean } | undefined; nodes: readonly { type: string; config: Record<string, unknown> }[] };
}

const keyOf = (application: string, name: string) => JSON.stringify([application, name]);

/**
 * The flows that would be live (DESIGN §4): every enabled API endpoint, and every flow that a live
 * flow calls, however deep. Returns their keys (`JSON.stringify([application, name])`).
 */
export function liveFlowKeys(flows: readonly FlowInPlace[]): Set<string> {
  const byKey = new Map(flows.map((entry) => [keyOf(entry.application, entry.flow.name), entry]));
  const live = new Set<string>();
  const queue = flows.filter((entry) => entry.flow.api && entry.flow.api.enabled !== false).map((entry) => keyOf(entry.application, entry.flow.name));
  while (queue.length > 0) {
    const key = queue.pop()!;
    if (live.has(key)) continue;
    live.add(key);
    for (const node of byKey.get(key)?.flow.nodes ?? []) {
      const target = flowReferenceOf(node);
      if (target) queue.push(keyOf(target.application, target.actionflow));
    }
  }
  return live;
}

/** The key `liveFlowKeys` uses for a flow. */
export function flowKey(application: string, name: string): string {
  return keyOf(application, name);
}
