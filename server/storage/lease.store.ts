import type { Db } from './database.js';
import { inTransaction } from './in-transaction.js';

/** A server's lease on the data folder (DESIGN §7): who it is, where, and until when it answers for its runs. */
export interface Lease {
  serverId: string;
  host: string;
  pid: number;
  expiresAt: number;
}

interface LeaseRow {
  id: string;
  host: string;
  pid: number;
  expires_at: number;
}

/** The servers' leases in studio.db, and the ends of runs whose server is gone. */
export class LeaseStore {
  private readonly upsert;
  private readonly selectAll;
  private readonly remove;
  private readonly abortProcesses;
  private readonly abortEntries;

  constructor(private readonly db: Db) {
    this.upsert = db.prepare<[string, string, number, number, number]>(
      `INSERT INTO servers (id, host, pid, started_at, expires_at) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (id) DO UPDATE SET expires_at = excluded.expires_at`,
    );
    this.selectAll = db.prepare<[], LeaseRow>('SELECT id, host, pid, expires_at FROM servers');
    this.remove = db.prepare<[string]>('DELETE FROM servers WHERE id = ?');
    this.abortProcesses = db.prepare<[number, string, string | null]>(
      "UPDATE processes SET status = 'Aborted', finished_at = ?, result = ? WHERE finished_at IS NULL AND server_id IS ?",
    );
    this.abortEntries = db.prepare<[string, string | null]>(
      "UPDATE console_entries SET status = 'Aborted', reason = ? WHERE status = 'Running' AND server_id IS ?",
    );
  }

  /** Takes or renews the lease of `lease.serverId` until `lease.expiresAt`. */
  renew(lease: Lease, startedAt: number): void {
    this.upsert.run(lease.serverId, lease.host, lease.pid, startedAt, lease.expiresAt);
  }

  /** Every lease held, expired or not. */
  leases(): Lease[] {
    return this.selectAll.all().map((row) => ({ serverId: row.id, host: row.host, pid: row.pid, expiresAt: row.expires_at }));
  }

  /**
   * Ends the runs left Running by a server that is gone (`null`: runs written before servers held
   * leases), in the processes and the console alike, and drops its lease; returns how many runs.
   */
  abortRunsOf(serverId: string | null, finishedAt: number, result: string, reason: string): number {
    return inTransaction(this.db, () => {
      const runs = this.abortProcesses.run(finishedAt, result, serverId).changes;
      this.abortEntries.run(reason, serverId);
      if (serverId !== null) this.remove.run(serverId);
      return runs;
    });
  }

  /** Gives up a lease (a graceful stop, after its runs have ended). */
  release(serverId: string): void {
    this.remove.run(serverId);
  }
}
