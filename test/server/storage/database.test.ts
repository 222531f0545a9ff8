import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { StorageError } from '../../../server/errors/storage.error.js';
import { externalChangeWatcher } from '../../../server/storage/change-counters.js';
import { openDatabase } from '../../../server/storage/database.js';
import { createStores } from '../../../server/storage/stores.js';
import { systemClock } from '../../../server/clock.js';
import { MIGRATIONS } from '../../../server/storage/migrations.js';
import { tempDir } from '../../support/temp-dir.js';

describe('studio.db', () => {
  it('creates the schema at the current version in WAL mode', () => {
    const db = openDatabase(join(tempDir(), 'studio.db'));
    expect(db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    db.close();
  });

  it('refuses a file that is not a database and leaves it as it is', () => {
    const file = join(tempDir(), 'studio.db');
    writeFileSync(file, 'these are my notes, not a database');
    expect(() => openDatabase(file)).toThrow(StorageError);
    expect(() => openDatabase(file)).toThrow(/studio\.db is not an SQLite database/);
    expect(readFileSync(file, 'utf8')).toBe('these are my notes, not a database');
  });

  it('refuses a database written by a newer version', () => {
    const file = join(tempDir(), 'studio.db');
    openDatabase(file).pragma(`user_version = ${MIGRATIONS.length + 1}`);
    expect(() => openDatabase(file)).toThrow(/newer version/);
  });

  it('tells which kinds of change another connection made through its stores, and not its own nor a table row', () => {
    const file = join(tempDir(), 'studio.db');
    const server = createStores(openDatabase(file), systemClock);
    const cli = createStores(openDatabase(file), systemClock);
    const changed = externalChangeWatcher(server.db);
    expect(changed()).toEqual([]);
    server.settings.update({ port: 9000 });
    expect(changed()).toEqual([]);
    cli.settings.update({ instance: 'x' });
    expect(changed()).toEqual(['settings']);
    expect(changed()).toEqual([]);
    cli.applications.create('App', '');
    const table = cli.tables.create('App', 'notes', [{ name: 'text', type: 'string' }]);
    cli.security.saveUser({ name: 'someone', enabled: true });
    expect(changed()).toEqual(['workspace', 'security']);
    cli.tables.insertRow(table.id, { text: 'a row a flow saved' });
    expect(changed()).toEqual([]);
    server.db.close();
    cli.db.close();
  });
});
