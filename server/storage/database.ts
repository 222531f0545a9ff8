import { closeSync, existsSync, openSync, readSync, statSync } from 'node:fs';
import Database from 'better-sqlite3';
import { StorageError } from '../errors/storage.error.js';
import { MIGRATIONS } from './migrations.js';

export type Db = Database.Database;

const SQLITE_HEADER = 'SQLite format 3\u0000';

/** Names SQLite opens as a database of its own, not as a file (tests use them). */
const IN_MEMORY = new Set([':memory:', '']);

function assertSqliteFile(file: string): void {
  if (!existsSync(file) || statSync(file).size === 0) return;
  const header = Buffer.alloc(16);
  const fd = openSync(file, 'r');
  try {
    readSync(fd, header, 0, 16, 0);
  } finally {
    closeSync(fd);
  }
  if (header.toString('latin1') !== SQLITE_HEADER) {
    throw new StorageError(`${file} is not an SQLite database; it was left as it is. Move it away or point --data at another folder.`, file);
  }
}

/**
 * Opens studio.db (WAL, foreign keys on) and brings its schema up to date in one transaction.
 * A file that is not a database, or comes from a newer version, is refused and left untouched.
 * `nativeBinding` names a better-sqlite3 addon to load instead of the installed one.
 */
export function openDatabase(file: string, nativeBinding?: string): Db {
  assertSqliteFile(file);
  // SQLite gives the -wal and -shm files the database's mode: creating it owner-only first keeps all three so.
  if (!IN_MEMORY.has(file) && !existsSync(file)) closeSync(openSync(file, 'wx', 0o600));
  let db: Db;
  try {
    db = new Database(file, { timeout: 5000, ...(nativeBinding === undefined ? {} : { nativeBinding }) });
    db.pragma('journal_mode = WAL');
  } catch (error) {
    throw new StorageError(`${file} cannot be opened as an SQLite database (${(error as Error).message}); it was left as it is.`, file);
  }
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  const version = db.pragma('user_version', { simple: true }) as number;
  if (version > MIGRATIONS.length) {
    db.close();
    throw new StorageError(`${file} was written by a newer version of Actionflow Studio (schema ${version}, this one knows ${MIGRATIONS.length}).`, file);
  }
  if (version < MIGRATIONS.length) {
    db.transaction(() => {
      for (let v = version; v < MIGRATIONS.length; v++) db.exec(MIGRATIONS[v]!);
      db.pragma(`user_version = ${MIGRATIONS.length}`);
    }).immediate();
  }
  return db;
}
