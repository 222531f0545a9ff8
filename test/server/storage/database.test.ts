import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { StorageError } from '../../../server/errors/storage.error.js';
import { externalChangeWatcher, openDatabase } from '../../../server/storage/database.js';
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

  it('sees commits made by another connection, and not its own', () => {
    const file = join(tempDir(), 'studio.db');
    const server = openDatabase(file);
    const cli = openDatabase(file);
    const changed = externalChangeWatcher(server);
    expect(changed()).toBe(false);
    server.prepare("INSERT INTO settings (key, value) VALUES ('port', '9000')").run();
    expect(changed()).toBe(false);
    cli.prepare("INSERT INTO settings (key, value) VALUES ('instance', '\"x\"')").run();
    expect(changed()).toBe(true);
    expect(changed()).toBe(false);
    server.close();
    cli.close();
  });
});
