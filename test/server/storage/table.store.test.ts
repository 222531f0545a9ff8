import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { systemClock } from '../../../server/clock.js';
import { bindWhere, whereToSql } from '../../../server/engine/tables/where-to-sql.js';
import { openDatabase } from '../../../server/storage/database.js';
import { createStores, type Stores } from '../../../server/storage/stores.js';
import type { RowQuery } from '../../../server/storage/table.store.js';
import type { Column } from '../../../shared/schemas/table.schema.js';
import { memoryStores } from '../../support/memory-stores.js';
import { tempDir } from '../../support/temp-dir.js';

const COLUMNS: Column[] = [
  { name: 'name', type: 'string' },
  { name: 'onboarded', type: 'date' },
  { name: 'size', type: 'number' },
];

function companies(stores: Stores, count: number): number {
  stores.applications.create('App');
  const table = stores.tables.create('App', 'companies', COLUMNS);
  stores.tables.replaceRows(
    table.id,
    Array.from({ length: count }, (_, i) => ({ name: `Company ${i}`, onboarded: `20${String(10 + (i % 15))}-01-01`, size: i })),
  );
  return table.id;
}

/** The rows `where` selects for the arriving record `{since, min}`; `memory` keeps the JavaScript test, so rows held in memory may serve it. */
function select(stores: Stores, tableId: number, where: string, memory: boolean, extra: RowQuery = {}) {
  const plan = whereToSql(where, stores.tables.get('App', 'companies').columns)!;
  const condition = bindWhere(plan, { since: '2020-01-01', min: 5 })!;
  return stores.tables.rows(tableId, { ...extra, where: memory ? condition : { ...condition, matches: undefined } }).map((row) => row.values.name);
}

const planOf = (stores: Stores, sql: string) =>
  stores.db
    .prepare(`EXPLAIN QUERY PLAN ${sql}`)
    .all()
    .map((row) => (row as { detail: string }).detail)
    .join('; ');

describe('table rows', () => {
  it('gives the same rows from memory as from SQL, for every simple where, with a limit', () => {
    const stores = memoryStores();
    const id = companies(stores, 40);
    for (const where of [
      'onboarded > $in.since',
      'size < $in.min or name = "Company 7"',
      'size >= $in.min and onboarded != "2012-01-01"',
      'name != $in.missing',
    ]) {
      const fromSql = select(stores, id, where, false);
      select(stores, id, where, true);
      expect({ where, rows: select(stores, id, where, true) }).toEqual({ where, rows: fromSql });
      expect({ where, rows: select(stores, id, where, true, { limit: 3 }) }).toEqual({ where, rows: fromSql.slice(0, 3) });
    }
    expect(select(stores, id, 'onboarded > $in.since', true)).toHaveLength(8);
  });

  it('reads a table too large to hold in memory from SQL every time', () => {
    const stores = memoryStores();
    const id = companies(stores, 1_500);
    for (let read = 0; read < 3; read++)
      expect(select(stores, id, 'size < $in.min', true)).toEqual(['Company 0', 'Company 1', 'Company 2', 'Company 3', 'Company 4']);
    expect(stores.tables.rows(id)).toHaveLength(1_500);
  });

  it('sees rows written by another connection after its own reads were held in memory', () => {
    const file = join(tempDir(), 'studio.db');
    const server = createStores(openDatabase(file), systemClock);
    const worker = createStores(openDatabase(file), systemClock);
    const id = companies(server, 3);
    for (let read = 0; read < 3; read++) expect(select(worker, id, 'size < $in.min', true)).toEqual(['Company 0', 'Company 1', 'Company 2']);
    server.tables.insertRow(id, { name: 'Late', size: 1 });
    expect(select(worker, id, 'size < $in.min', true)).toEqual(['Company 0', 'Company 1', 'Company 2', 'Late']);
    server.tables.updateRow(id, 1, { name: 'Renamed', size: 0 });
    select(worker, id, 'size < $in.min', true);
    expect(select(worker, id, 'size < $in.min', true)).toEqual(['Renamed', 'Company 1', 'Company 2', 'Late']);
    server.db.close();
    worker.db.close();
  });

  it('does not serve a table made again under a deleted table id from the rows another connection held', () => {
    const file = join(tempDir(), 'studio.db');
    const server = createStores(openDatabase(file), systemClock);
    const worker = createStores(openDatabase(file), systemClock);
    const id = companies(server, 1);
    for (let read = 0; read < 3; read++) expect(worker.tables.rows(id).map((row) => row.values.name)).toEqual(['Company 0']);
    server.tables.delete('App', 'companies');
    const again = server.tables.create('App', 'companies', COLUMNS);
    server.tables.insertRow(again.id, { name: 'New' });
    expect(again.id).toBe(id);
    expect(worker.tables.rows(id).map((row) => row.values.name)).toEqual(['New']);
    server.db.close();
    worker.db.close();
  });

  it('reads a simple where through its column index, which follows a renamed column and goes with its table', () => {
    const stores = memoryStores();
    const id = companies(stores, 5);
    const where = (column: string) => `SELECT id FROM table_rows WHERE table_id = ${id} AND json_extract(data, '$."${column}"') = 'x'`;
    expect(planOf(stores, where('onboarded'))).toMatch(/USING INDEX table_cells_/);
    stores.tables.update('App', 'companies', { columns: [COLUMNS[0]!, { name: 'since', type: 'date' }, COLUMNS[2]!], renamedColumns: { onboarded: 'since' } });
    expect(planOf(stores, where('since'))).toMatch(/USING INDEX table_cells_/);
    expect(planOf(stores, where('onboarded'))).not.toMatch(/USING INDEX table_cells_/);
    expect(select(stores, id, 'since < $in.since and size > 2', false)).toEqual(['Company 3', 'Company 4']);
    stores.tables.delete('App', 'companies');
    expect(stores.db.prepare("SELECT COUNT(*) FROM sqlite_master WHERE name LIKE 'table_cells_%'").pluck().get()).toBe(0);
  });

  it('makes the indexes a database opened lacks, and writes nothing when it lacks none', () => {
    const file = join(tempDir(), 'studio.db');
    const server = createStores(openDatabase(file), systemClock);
    companies(server, 3);
    const indexes = () => server.db.prepare("SELECT COUNT(*) FROM sqlite_master WHERE name LIKE 'table_cells_%'").pluck().get();
    expect(indexes()).toBe(3);
    for (const name of server.db.prepare("SELECT name FROM sqlite_master WHERE name LIKE 'table_cells_%'").pluck().all())
      server.db.exec(`DROP INDEX "${String(name)}"`);
    // PRAGMA data_version moves when another connection commits.
    const dataVersion = server.db.prepare('PRAGMA data_version').pluck();
    const before = dataVersion.get();
    createStores(openDatabase(file), systemClock).db.close();
    const afterRepair = dataVersion.get();
    expect(afterRepair).not.toBe(before);
    expect(indexes()).toBe(3);
    createStores(openDatabase(file), systemClock).db.close();
    expect(dataVersion.get()).toBe(afterRepair);
    server.db.close();
  });

  it('gives rows held in memory frozen, so that no run can change what the next one reads', () => {
    const stores = memoryStores();
    const id = companies(stores, 2);
    stores.tables.rows(id);
    const [first] = stores.tables.rows(id);
    expect(() => {
      (first!.values as Record<string, unknown>).name = 'changed';
    }).toThrow(TypeError);
    expect(stores.tables.rows(id)[0]!.values.name).toBe('Company 0');
  });
});
