import type { Row } from '../../shared/schemas/table.schema.js';

/** A stored row with its id, as the table store gives it. */
export interface StoredRow {
  id: number;
  values: Row;
}

/** The most rows of one table held parsed: beyond this, filtering in memory costs more than the table's indexes. */
export const SNAPSHOT_ROWS = 1_000;
/** The most rows held over all tables of one connection. */
const HELD_ROWS = 50_000;

interface Snapshot {
  revision: number;
  rows: readonly StoredRow[];
}

/**
 * Small tables' rows kept parsed in memory, each at the data revision it was read at: a read
 * whose revision differs (a write by this connection or any other) reads from SQL again. A
 * table is held from the second read at the same revision, so a table written between every
 * two reads is never parsed whole for nothing. Rows are frozen: runs share them.
 */
export class RowSnapshots {
  private readonly held = new Map<number, Snapshot>();
  /** Per table, the revision of its last read that was not served from memory. */
  private readonly lastRead = new Map<number, number>();
  /** Per table, the revision at which it had too many rows to hold. */
  private readonly tooLarge = new Map<number, number>();
  private heldRows = 0;

  /** The rows of `tableId` at `revision` when held or worth holding now (`load` gives them all, or says why it does not). */
  rows(tableId: number, revision: number, load: () => StoredRow[] | 'too large' | 'not now'): readonly StoredRow[] | undefined {
    const snapshot = this.held.get(tableId);
    if (snapshot?.revision === revision) {
      // Least recently used last, so the oldest goes first when too much is held.
      this.held.delete(tableId);
      this.held.set(tableId, snapshot);
      return snapshot.rows;
    }
    if (snapshot) this.drop(tableId);
    const last = this.lastRead.get(tableId);
    this.lastRead.set(tableId, revision);
    if (last !== revision || this.tooLarge.get(tableId) === revision) return undefined;
    const rows = load();
    if (rows === 'not now') return undefined;
    if (rows === 'too large') {
      this.tooLarge.set(tableId, revision);
      return undefined;
    }
    for (const row of rows) freezeDeep(row);
    this.held.set(tableId, { revision, rows });
    this.heldRows += rows.length;
    for (const [oldest] of this.held) {
      if (this.heldRows <= HELD_ROWS) break;
      this.drop(oldest);
    }
    return rows;
  }

  /** Forgets every table (its columns changed, or it went). */
  clear(): void {
    this.held.clear();
    this.lastRead.clear();
    this.tooLarge.clear();
    this.heldRows = 0;
  }

  private drop(tableId: number): void {
    this.heldRows -= this.held.get(tableId)?.rows.length ?? 0;
    this.held.delete(tableId);
  }
}

function freezeDeep(value: unknown): void {
  if (value === null || typeof value !== 'object' || Object.isFrozen(value)) return;
  Object.freeze(value);
  for (const item of Object.values(value)) freezeDeep(item);
}
