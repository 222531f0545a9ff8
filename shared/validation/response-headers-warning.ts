import type { Actionflow, FlowNode } from '../schemas/actionflow.schema.js';

/**
 * The warning of DESIGN §4 for a `response` without a Headers expression below a node that sets
 * `headers`: the response sends only what its own expression gives (never the record's
 * `headers`, which start as the caller's request headers), so the attribute is not sent.
 * `upstreamOf` gives the nodes upstream of `node`, asked for only for such a response.
 */
export function ignoredHeadersWarning(flow: Actionflow, node: FlowNode, upstreamOf: () => ReadonlySet<string>): string | undefined {
  if (node.type !== 'response' || node.config.headers !== undefined) return undefined;
  const upstream = upstreamOf();
  const setter = flow.nodes.find((candidate) => candidate.id !== node.id && upstream.has(candidate.id) && setsHeaders(candidate));
  if (!setter) return undefined;
  return `"${node.name}" has no Headers expression, so the "headers" that "${setter.name}" sets are not sent (a response sends only the headers its own expression gives); set Headers to headers to send them`;
}

function setsHeaders(node: FlowNode): boolean {
  const named = (list: unknown) => Array.isArray(list) && list.some((item) => (item as { name?: unknown } | null)?.name === 'headers');
  if (node.type === 'calculate') return named(node.config.attributes);
  if (node.type === 'http') return named(node.config.outputs);
  return false;
}
