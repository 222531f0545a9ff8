import type { ChangeBus, ChangeKind } from './change-bus.js';
import { CHANGE_KINDS } from './change-bus.js';
import type { Db } from './database.js';

/**
 * Counts the changes of each kind made through the stores, in studio.db, so that another process
 * on the same data knows what changed and not only that something did: rows a flow writes into
 * its tables (many a second) change nothing a cache holds, and must not empty the caches.
 */
export function countChanges(db: Db, bus: ChangeBus): void {
  const bump = db.prepare<[string]>('UPDATE change_counters SET version = version + 1 WHERE kind = ?');
  bus.subscribe((kind, origin) => {
    if (origin === 'here' && db.open) bump.run(kind);
  });
}

/**
 * Watches for commits by other processes on the same file (`PRAGMA data_version`, which takes a
 * file lock, so it is asked once per turn of the event loop at most) and gives the kinds of change
 * they counted since the last call.
 */
export function externalChangeWatcher(db: Db): () => ChangeKind[] {
  const dataVersion = db.prepare('PRAGMA data_version').pluck();
  const counters = db.prepare<[], { kind: ChangeKind; version: number }>('SELECT kind, version FROM change_counters');
  let lastData = dataVersion.get() as number;
  const seen = new Map<ChangeKind, number>(counters.all().map((row) => [row.kind, row.version]));
  return () => {
    const now = dataVersion.get() as number;
    if (now === lastData) return [];
    lastData = now;
    const changed: ChangeKind[] = [];
    for (const { kind, version } of counters.all()) {
      if (seen.get(kind) !== version) changed.push(kind);
      seen.set(kind, version);
    }
    return CHANGE_KINDS.filter((kind) => changed.includes(kind));
  };
}
