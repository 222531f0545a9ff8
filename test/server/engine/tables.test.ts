import { describe, expect, it } from 'vitest';
import { whereToSql } from '../../../server/engine/tables/where-to-sql.js';
import { engineHarness, flow, node, request } from './engine-harness.js';

const PEOPLE = {
  name: 'people',
  columns: [
    { name: 'name', type: 'string' },
    { name: 'age', type: 'number' },
    { name: 'joined', type: 'date' },
    { name: 'active', type: 'boolean' },
  ],
  rows: [
    { name: 'Ann', age: 31, joined: '2019-05-01', active: true },
    { name: 'Bob', age: 45, joined: '2021-02-11', active: false },
    { name: 'Cy', age: 22, joined: '2020-07-30', active: true },
    { name: null, age: 38, joined: '2022-01-09', active: true },
    { age: 29, joined: '2018-12-24', active: false },
    { name: 'Ann', age: 52, joined: '2023-03-03', active: true },
  ],
};

const COLUMNS = PEOPLE.columns as { name: string; type: 'string' | 'number' | 'date' | 'boolean' }[];

/** A flow reading `people` with `where` for the record `{min: 30, who: "Ann", since: "2020-01-01"}`. */
const reading = (name: string, where: string, extra: Record<string, unknown> = {}) =>
  flow(
    name,
    [
      node('in', 'apiInput'),
      node('p', 'calculate', {
        attributes: [
          { name: 'min', expression: '30' },
          { name: 'who', expression: '"Ann"' },
          { name: 'since', expression: '"2020-01-01"' },
        ],
      }),
      node('r', 'readTable', { table: 'people', where, ...extra }),
      node('o', 'output', {}, 'rows'),
    ],
    ['in->p', 'p->r', 'r->o'],
  );

const SIMPLE_WHERES = [
  'age > $in.min',
  'age >= 30 and name != "Bob"',
  'name = $in.who or age < 25',
  'joined > $in.since',
  '$in.min < age',
  '(age <= 40) and (joined != "2019-05-01")',
  'name != $in.missing',
  'name != "Ann"',
];

describe('readTable', () => {
  it('turns simple where expressions into SQL and leaves others to JSONata', () => {
    for (const where of SIMPLE_WHERES) expect({ where, plan: whereToSql(where, COLUMNS) !== undefined }).toEqual({ where, plan: true });
    for (const where of ['$boolean(age > 30)', 'active = true', 'age + 1 > 30', 'name in ["Ann"]', 'age > $in.min + 1', 'nick = "x"', 'age > "30"']) {
      expect({ where, plan: whereToSql(where, COLUMNS) }).toEqual({ where, plan: undefined });
    }
  });

  it('gives the same rows from SQL as from JSONata per row', async () => {
    const flows = SIMPLE_WHERES.flatMap((where, index) => [reading(`sql ${index}`, where), reading(`jsonata ${index}`, `$boolean(${where})`)]);
    const harness = engineHarness({ flows, tables: [PEOPLE] });
    for (let index = 0; index < SIMPLE_WHERES.length; index++) {
      const sql = await harness.run(`sql ${index}`);
      const perRow = await harness.run(`jsonata ${index}`);
      expect({ where: SIMPLE_WHERES[index], rows: sql.data.rows }).toEqual({ where: SIMPLE_WHERES[index], rows: perRow.data.rows });
      expect(sql.result.errors).toEqual([]);
    }
  });

  it('orders by a column, descending with -, and stops at the limit on both paths', async () => {
    const harness = engineHarness({
      flows: [reading('sql', 'age > 25', { orderBy: '-age', limit: 3 }), reading('jsonata', '$boolean(age > 25)', { orderBy: '-age', limit: 3 })],
      tables: [PEOPLE],
    });
    for (const name of ['sql', 'jsonata']) expect((await harness.run(name)).data.rows!.map((row) => row.age)).toEqual([52, 45, 38]);
  });

  it('evaluates the where per row when a $in value does not suit SQL', async () => {
    const harness = engineHarness({
      flows: [reading('F', 'age > $in.who')],
      tables: [PEOPLE],
    });
    const { result } = await harness.run('F');
    expect(result.errors[0]!.message).toMatch(/^where: The values 31 and "Ann" either side of operator ">" must be of the same data type/);
  });

  it('emits every row, the row alone, without a where; and fails the record for a table that is not there', async () => {
    const harness = engineHarness({
      flows: [
        flow('All', [node('in', 'apiInput'), node('r', 'readTable', { table: 'people' }), node('o', 'output', {}, 'rows')], ['in->r', 'r->o']),
        flow('Missing', [node('in', 'apiInput'), node('r', 'readTable', { table: 'nope' }, 'Read'), node('o', 'output', {}, 'rows')], ['in->r', 'r->o']),
      ],
      tables: [PEOPLE],
    });
    expect((await harness.run('All')).data.rows).toEqual(PEOPLE.rows);
    expect((await harness.run('Missing')).result.errors.map((e) => [e.node, e.message])).toEqual([
      ['Read', 'table "nope" does not exist in application "App"'],
    ]);
  });
});

describe('saveTable', () => {
  const saving = (name: string, config: Record<string, unknown>) =>
    flow(
      name,
      [
        node('in', 'apiInput'),
        node('s', 'split', { expression: '$parseJson(body)' }),
        node('w', 'saveTable', { table: 'people', ...config }, 'Save'),
        node('o', 'output', {}, 'saved'),
      ],
      ['in->s', 's->w', 'w->o'],
    );

  it('inserts the attributes that are columns, typed, and emits the saved row', async () => {
    const harness = engineHarness({ flows: [saving('F', { mode: 'insert' })], tables: [{ ...PEOPLE, rows: [] }] });
    const { data, result } = await harness.run('F', request({ body: '[{"name": "Di", "age": 40, "joined": "2024-01-02", "active": true}]' }));
    expect(result.errors).toEqual([]);
    expect(data.saved).toEqual([{ name: 'Di', age: 40, joined: '2024-01-02', active: true }]);
    const table = harness.stores.tables.get('App', 'people');
    expect(harness.stores.tables.rows(table.id).map((row) => row.values)).toEqual([{ name: 'Di', age: 40, joined: '2024-01-02', active: true }]);
  });

  it('fails a record whose values do not fit the column types and stores nothing of it', async () => {
    const harness = engineHarness({ flows: [saving('F', { mode: 'insert' })], tables: [{ ...PEOPLE, rows: [] }] });
    const { data, result } = await harness.run(
      'F',
      request({ body: '[{"name": "Ed", "age": "forty"}, {"name": "Flo", "joined": "2024-02-30"}, {"name": "Gus"}]' }),
    );
    expect(data.saved).toEqual([{ name: 'Gus' }]);
    expect(result.errors.map((e) => e.message)).toEqual([
      'cannot save to table "people": column "age": expected a number, got "forty"',
      'cannot save to table "people": column "joined": expected a date YYYY-MM-DD, got "2024-02-30"',
    ]);
    const table = harness.stores.tables.get('App', 'people');
    expect(harness.stores.tables.rows(table.id).map((row) => row.values.name)).toEqual(['Gus']);
  });

  it('upserts by key: replaces the row with the same key, inserts a new one, fails without a key value', async () => {
    const harness = engineHarness({ flows: [saving('F', { mode: 'upsert', key: 'name' })], tables: [PEOPLE] });
    const { result } = await harness.run('F', request({ body: '[{"name": "Bob", "age": 46}, {"name": "Hal", "age": 60}, {"age": 1}]' }));
    expect(result.errors.map((e) => e.message)).toEqual(['upsert into table "people" needs a value for its key "name"']);
    const table = harness.stores.tables.get('App', 'people');
    const rows = harness.stores.tables.rows(table.id).map((row) => row.values);
    expect(rows.filter((row) => row.name === 'Bob')).toEqual([{ name: 'Bob', age: 46 }]);
    expect(rows.filter((row) => row.name === 'Hal')).toEqual([{ name: 'Hal', age: 60 }]);
    expect(rows).toHaveLength(PEOPLE.rows.length + 1);
  });
});
