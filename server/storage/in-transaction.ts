import type { Db } from './database.js';

/**
 * Runs `work` in the transaction already open, or in a new one. A nested better-sqlite3
 * transaction would be a savepoint, whose journal SQLite writes page by page to a temporary file:
 * the batches of console entries and processes, written inside one transaction, must not pay for it.
 */
export function inTransaction<T>(db: Db, work: () => T): T {
  return db.inTransaction ? work() : db.transaction(work)();
}
