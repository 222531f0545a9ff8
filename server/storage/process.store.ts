import type { Db } from './database.js';
import { inTransaction } from './in-transaction.js';
import type { RunStatus } from '../../shared/run-status.js';
import type { ApiMode } from '../../shared/schemas/actionflow.schema.js';

/** One run of a flow, kept so that it can be polled until it expires. */
export interface ProcessRecord {
  processId: string;
  application: string;
  actionflow: string;
  mode: ApiMode;
  /** Who performed the run; on a keyed flow only this user may poll it. */
  user: string;
  status: RunStatus;
  startedAt: number;
  finishedAt: number | null;
  /** What poll adds for a finished run, as a JSON object (message, data, errors, response); null while running. */
  result: string | null;
}

interface ProcessRow {
  id: string;
  application: string;
  actionflow: string;
  mode: ApiMode;
  user_name: string;
  status: RunStatus;
  started_at: number;
  finished_at: number | null;
  result: string | null;
}

const toRecord = (row: ProcessRow): ProcessRecord => ({
  processId: row.id,
  application: row.application,
  actionflow: row.actionflow,
  mode: row.mode,
  user: row.user_name,
  status: row.status,
  startedAt: row.started_at,
  finishedAt: row.finished_at,
  result: row.result,
});

/** Processes in studio.db: written in batches by the process registry, read by poll. */
export class ProcessStore {
  private readonly upsert;
  private readonly selectOne;
  private readonly deleteExpired;

  /** `serverId`: the server that owns the runs this store writes (DESIGN §7). */
  constructor(
    private readonly db: Db,
    private readonly serverId: string | null = null,
  ) {
    this.upsert = db.prepare(
      `INSERT INTO processes (id, application, actionflow, mode, user_name, status, started_at, finished_at, result, server_id)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (id) DO UPDATE SET status = excluded.status, finished_at = excluded.finished_at, result = excluded.result`,
    );
    this.selectOne = db.prepare<[string], ProcessRow>('SELECT * FROM processes WHERE id = ?');
    this.deleteExpired = db.prepare<[number]>('DELETE FROM processes WHERE finished_at < ?');
  }

  /** False once the database is closed: nothing more can be written. */
  get open(): boolean {
    return this.db.open;
  }

  /** Writes new and changed processes in one transaction. */
  save(records: Iterable<ProcessRecord>): void {
    inTransaction(this.db, () => {
      for (const r of records)
        this.upsert.run(r.processId, r.application, r.actionflow, r.mode, r.user, r.status, r.startedAt, r.finishedAt, r.result, this.serverId);
    });
  }

  find(processId: string): ProcessRecord | undefined {
    const row = this.selectOne.get(processId);
    return row && toRecord(row);
  }

  /** Deletes processes that finished before `cutoff`; returns how many. */
  deleteFinishedBefore(cutoff: number): number {
    return this.deleteExpired.run(cutoff).changes;
  }
}
