/** `_datasource.Name` or `_datasource.\`Some Name\`` in an expression's text. */
const DATASOURCE_REFERENCE = /_datasource\s*\.\s*(?:`([^`]+)`|([A-Za-z_$][\w$]*))/g;

/** The secret key names an expression or template text refers to via `_datasource`. */
export function secretKeyNamesIn(text: string): string[] {
  return [...text.matchAll(DATASOURCE_REFERENCE)].map((match) => (match[1] ?? match[2])!);
}

/** Replaces references to secret key `from` with `to` in an expression or template text. */
export function renameSecretKeyIn(text: string, from: string, to: string): string {
  const reference = /^[A-Za-z_$][\w$]*$/.test(to) ? `_datasource.${to}` : `_datasource.\`${to}\``;
  return text.replace(DATASOURCE_REFERENCE, (whole, quoted: string | undefined, bare: string | undefined) => ((quoted ?? bare) === from ? reference : whole));
}

/** Every string inside a value (a node's config), depth first. */
export function stringsIn(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(stringsIn);
  if (value && typeof value === 'object') return Object.values(value).flatMap(stringsIn);
  return [];
}

/** A copy of `value` with `rewrite` applied to every string inside it. */
export function mapStrings<T>(value: T, rewrite: (text: string) => string): T {
  if (typeof value === 'string') return rewrite(value) as T;
  if (Array.isArray(value)) return (value as unknown[]).map((item) => mapStrings(item, rewrite)) as T;
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, mapStrings(v, rewrite)])) as T;
  return value;
}

/** The secret keys a flow's nodes refer to, each once, in order of appearance. */
export function secretKeysOfFlow(flow: { nodes: readonly { config: Record<string, unknown> }[] }): string[] {
  return [...new Set(flow.nodes.flatMap((node) => stringsIn(node.config).flatMap(secretKeyNamesIn)))];
}
