import { describe, expect, it } from 'vitest';
import { actionflowSchema } from '../../../shared/schemas/actionflow.schema.js';
import { ConflictError } from '../../../server/errors/conflict.error.js';
import { ValidationError } from '../../../server/errors/validation.error.js';
import { memoryStores } from '../../support/memory-stores.js';

const flow = (name: string) => actionflowSchema.parse({ name, nodes: [{ id: 'o', type: 'output', name: 'result', position: { x: 0, y: 0 } }] });

describe('stores', () => {
  it('counts revisions and refuses a save based on a stale one', () => {
    const stores = memoryStores();
    stores.applications.create('App');
    expect(stores.flows.create('App', flow('F')).revision).toBe(1);
    expect(stores.flows.update('App', 'F', flow('F'), 1).revision).toBe(2);
    expect(() => stores.flows.update('App', 'F', flow('F'), 1)).toThrow(ConflictError);
    expect(stores.flows.get('App', 'F').revision).toBe(2);
  });

  it('rolls back every change of a transaction that fails', () => {
    const stores = memoryStores();
    expect(() =>
      stores.transaction(() => {
        stores.applications.create('App');
        stores.flows.create('App', flow('F'));
        stores.applications.create('App');
      }),
    ).toThrow(ConflictError);
    expect(stores.applications.list()).toEqual([]);
  });

  it('drops removed columns from rows and refuses a type change that stored values do not fit', () => {
    const stores = memoryStores();
    stores.applications.create('App');
    const table = stores.tables.create('App', 'T', [
      { name: 'a', type: 'string' },
      { name: 'b', type: 'string' },
    ]);
    stores.tables.insertRow(table.id, { a: 'x', b: '12' });
    expect(() =>
      stores.tables.update('App', 'T', {
        columns: [
          { name: 'a', type: 'string' },
          { name: 'b', type: 'number' },
        ],
      }),
    ).toThrow(ValidationError);
    expect(stores.tables.get('App', 'T').columns[1]!.type).toBe('string');
    stores.tables.update('App', 'T', { columns: [{ name: 'a', type: 'string' }] });
    expect(stores.tables.rows(table.id).map((row) => row.values)).toEqual([{ a: 'x' }]);
  });

  it('deletes an application with its flows, tables and rows', () => {
    const stores = memoryStores();
    stores.applications.create('App');
    stores.flows.create('App', flow('F'));
    const table = stores.tables.create('App', 'T', [{ name: 'a', type: 'string' }]);
    stores.tables.insertRow(table.id, { a: 'x' });
    stores.applications.delete('App');
    expect(stores.flows.list()).toEqual([]);
    expect(stores.db.prepare('SELECT COUNT(*) FROM table_rows').pluck().get()).toBe(0);
  });

  it('keeps settings defaults until they are set', () => {
    const stores = memoryStores();
    expect(stores.settings.get()).toMatchObject({ port: 8080, instance: 'phixflow', processRetentionMs: 86_400_000 });
    stores.settings.update({ instance: 'acme' });
    expect(stores.settings.get().instance).toBe('acme');
    expect(() => stores.settings.update({ instance: 'has space' })).toThrow();
    expect(stores.settings.get().instance).toBe('acme');
  });
});
