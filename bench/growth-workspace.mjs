// The flows and tables the growth figures call (DESIGN §9, cost as work grows).

/** The 100 companies of the shared table bench (`../shared/bench/`): distinct dates from 2015 to 2024, half of them after 2020. */
export function companies() {
  const countries = ['GB', 'US', 'DE', 'FR', 'NL', 'IE', 'ES', 'IT'];
  const base = Date.UTC(2015, 0, 1);
  return Array.from({ length: 100 }, (_, i) => ({
    name: `Company ${String(i + 1).padStart(3, '0')}`,
    onboarded: new Date(base + ((i * 373) % 3650) * 86_400_000).toISOString().slice(0, 10),
    country: countries[i % countries.length],
  }));
}

/** The same 100 companies and 99,900 more onboarded before 2015: a `where` after 2020 selects the same rows from either. */
export function manyCompanies(count = 100_000) {
  const earlier = Date.UTC(1970, 0, 1);
  const extra = Array.from({ length: count - 100 }, (_, i) => ({
    name: `Older ${i + 1}`,
    onboarded: new Date(earlier + (i % 16_000) * 86_400_000).toISOString().slice(0, 10),
    country: 'GB',
  }));
  return [...companies(), ...extra];
}

/** The body of the table flows: companies onboarded after this date. */
export const SINCE_BODY = JSON.stringify({ since: '2020-01-01' });

/** A body of `count` items for the records flow. */
export const itemsBody = (count) => JSON.stringify({ items: Array.from({ length: count }, (_, i) => ({ name: `Ada ${i}` })) });

const at = (index) => ({ x: index * 220, y: 0 });
const node = (id, type, index, config) => ({ id, type, name: id, position: at(index), ...(config ? { config } : {}) });
const chain = (ids) => ids.slice(1).map((id, i) => ({ id: `c${i}`, from: { node: ids[i], point: 'out' }, to: { node: id, point: 'in' } }));
const COLUMNS = [
  { name: 'name', type: 'string' },
  { name: 'onboarded', type: 'date' },
  { name: 'country', type: 'string' },
];

/** apiInput → calculate (since) → readTable (`onboarded > $in.since`) → output of 3 columns: the shared bench's table flow. */
function tableFlow(name, table) {
  return {
    name,
    api: { allowAnonymous: true, mode: 'sync' },
    nodes: [
      node('in', 'apiInput', 0),
      node('params', 'calculate', 1, { attributes: [{ name: 'since', expression: '$parseJson(body).since' }] }),
      node('read', 'readTable', 2, { table, where: 'onboarded > $in.since' }),
      { ...node('out', 'output', 3, { attributes: ['name', 'onboarded', 'country'] }), name: 'companies' },
    ],
    connections: chain(['in', 'params', 'read', 'out']),
  };
}

/** apiInput → split (the body's items) → calculate → output: one record per item. */
const itemsFlow = {
  name: 'Items',
  api: { allowAnonymous: true, mode: 'sync' },
  nodes: [
    node('in', 'apiInput', 0),
    node('split', 'split', 1, { expression: '$parseJson(body).items' }),
    node('greet', 'calculate', 2, { attributes: [{ name: 'greeting', expression: '"hello " & name' }] }),
    { ...node('out', 'output', 3, { attributes: ['greeting'] }), name: 'result' },
  ],
  connections: chain(['in', 'split', 'greet', 'out']),
};

/** The application Growth: the table flow over 100 and over 100,000 rows, and the records flow. */
export function growthApplication() {
  return {
    name: 'Growth',
    tables: [
      { name: 'companies', columns: COLUMNS, rows: companies() },
      { name: 'many_companies', columns: COLUMNS, rows: manyCompanies() },
    ],
    actionflows: [tableFlow('Companies', 'companies'), tableFlow('Many Companies', 'many_companies'), itemsFlow],
  };
}
