import type { Settings } from '../../shared/schemas/settings.schema.js';
import type { Clock } from '../clock.js';
import type { PendingWrites, WriteBehind } from '../console/write-behind.js';
import type { EndedRunStatus } from '../../shared/run-status.js';
import type { ProcessRecord, ProcessStore } from '../storage/process.store.js';

/**
 * How often finished runs go to the disk when nothing asks sooner. Each run adds a key to the
 * index of process ids, at a random place: a larger batch shares more of the pages it dirties. An
 * async run is written before its 202 whatever the time.
 */
const PROCESS_WRITE_INTERVAL_MS = 1000;

/** How often processes past their retention are deleted. */
const PURGE_INTERVAL_MS = 60_000;

export interface ProcessRegistryDeps {
  store: ProcessStore;
  clock: Clock;
  settings: () => Settings;
  /** Where processes are queued for the disk. */
  writes: WriteBehind;
}

/**
 * Every run as poll sees it (DESIGN §5). Running processes live in memory and are written to
 * studio.db in batches, so a sync run never waits on the disk; `commit` writes at once (an async
 * run's row must be on disk before its 202). Runs a server left Running are ended by the lease
 * sweep (`ServerLease`). Finished processes expire after the `processRetentionMs` setting.
 */
export class ProcessRegistry {
  private readonly running = new Map<string, ProcessRecord>();
  private readonly writes: PendingWrites<string, ProcessRecord>;
  private readonly purgeTimer: NodeJS.Timeout;

  constructor(private readonly deps: ProcessRegistryDeps) {
    this.writes = deps.writes.queue((batch) => deps.store.save(batch.values()), PROCESS_WRITE_INTERVAL_MS);
    this.purge();
    this.purgeTimer = setInterval(() => this.purge(), PURGE_INTERVAL_MS);
    this.purgeTimer.unref();
  }

  /** A run has started. */
  started(process: Omit<ProcessRecord, 'status' | 'finishedAt' | 'result'>): void {
    const record: ProcessRecord = { ...process, status: 'Running', finishedAt: null, result: null };
    this.running.set(record.processId, record);
    this.writes.put(record.processId, record);
  }

  /** A run has finished; `result` is what poll shows of it (a JSON object). */
  finished(processId: string, status: EndedRunStatus, result: string): void {
    const record = this.running.get(processId);
    if (!record) return;
    this.running.delete(processId);
    record.status = status;
    record.finishedAt = this.deps.clock.now();
    record.result = result;
    this.writes.put(processId, record);
  }

  /** Writes every pending change to a process now, in a transaction of its own. */
  commit(): void {
    this.deps.writes.flushQueue(this.writes);
  }

  /** The process, unless unknown or expired. */
  find(processId: string): ProcessRecord | undefined {
    const record = this.running.get(processId) ?? this.writes.get(processId) ?? this.deps.store.find(processId);
    if (!record || (record.finishedAt !== null && record.finishedAt < this.oldestKept())) return undefined;
    return record;
  }

  /** Stops the timer (what is pending is written by the shared `WriteBehind`). */
  close(): void {
    clearInterval(this.purgeTimer);
  }

  private purge(): void {
    if (this.deps.store.open) this.deps.store.deleteFinishedBefore(this.oldestKept());
  }

  private oldestKept(): number {
    return this.deps.clock.now() - this.deps.settings().processRetentionMs;
  }
}
