/** The first of `base`, `base2`, `base3`… not in `taken`: ids for new nodes and connections. */
export function freeId(base: string, taken: ReadonlySet<string>): string {
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}${n}`)) return `${base}${n}`;
}

/** The first of `base`, `base 2`, `base 3`… not in `taken`: names for new nodes. */
export function freeName(base: string, taken: ReadonlySet<string>): string {
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base} ${n}`)) return `${base} ${n}`;
}

/** The first of `prefix1`, `prefix2`… not in `taken`: ids for new connections (`c1`, `c2`…). */
export function numberedId(prefix: string, taken: ReadonlySet<string>): string {
  for (let n = 1; ; n++) if (!taken.has(`${prefix}${n}`)) return `${prefix}${n}`;
}
