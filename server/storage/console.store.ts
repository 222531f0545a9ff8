import type { ConsoleEntrySummary, ConsoleMessageKind, ConsoleStatus } from '../../shared/dto/console.dto.js';
import type { Db } from './database.js';
import { inTransaction } from './in-transaction.js';
import type { ApiMode } from '../../shared/schemas/actionflow.schema.js';

/** A console entry as stored: the summary the admin API shows, with times in epoch milliseconds. */
export type ConsoleEntryRecord = Omit<ConsoleEntrySummary, 'startedAt'> & {
  startedAt: number;
  droppedMessages: number;
};

/** A message as stored (a JSON array of them per entry): masked and capped. */
export interface StoredMessage {
  seq: number;
  kind: ConsoleMessageKind;
  text: string;
  details?: unknown;
  at: number;
}

/** What the list shows: filters, paging, and the oldest start still kept. */
export interface ConsoleListQuery {
  application?: string | undefined;
  actionflow?: string | undefined;
  status?: ConsoleStatus | undefined;
  q?: string | undefined;
  before?: number | undefined;
  limit: number;
  startedSince: number;
}

interface EntryRow {
  id: number;
  process_id: string | null;
  application: string;
  actionflow: string;
  mode: ApiMode;
  user_name: string | null;
  status: ConsoleStatus;
  started_at: number;
  duration_ms: number | null;
  request: string;
  reply: string | null;
  reason: string | null;
  error_count: number;
  warning_count: number;
  debug_count: number;
  dropped_messages: number;
  messages: string | null;
  trace?: string | null;
}

const toRecord = (row: EntryRow): ConsoleEntryRecord => ({
  id: row.id,
  processId: row.process_id,
  application: row.application,
  actionflow: row.actionflow,
  mode: row.mode,
  user: row.user_name,
  status: row.status,
  startedAt: row.started_at,
  durationMs: row.duration_ms,
  request: JSON.parse(row.request) as ConsoleEntryRecord['request'],
  reply: row.reply === null ? null : (JSON.parse(row.reply) as ConsoleEntryRecord['reply']),
  reason: row.reason,
  counts: { errors: row.error_count, warnings: row.warning_count, debug: row.debug_count },
  droppedMessages: row.dropped_messages,
});

/** The columns of an entry in the order of the upsert's parameters. */
const columnsOf = (entry: ConsoleEntryRecord, messages: string | null, trace: string | null, serverId: string | null) => [
  entry.id,
  entry.processId,
  entry.application,
  entry.actionflow,
  entry.mode,
  entry.user,
  entry.status,
  entry.startedAt,
  entry.durationMs,
  JSON.stringify(entry.request),
  entry.reply === null ? null : JSON.stringify(entry.reply),
  entry.reason,
  entry.counts.errors,
  entry.counts.warnings,
  entry.counts.debug,
  entry.droppedMessages,
  messages,
  trace,
  serverId,
];

/** Every column but the messages, which a list does not show. */
const SUMMARY_COLUMNS = `id, process_id, application, actionflow, mode, user_name, status, started_at, duration_ms, request, reply, reason,
  error_count, warning_count, debug_count, dropped_messages, NULL AS messages`;

const EXACT_FILTERS = {
  application: 'application = @application',
  actionflow: 'actionflow = @actionflow',
  status: 'status = @status',
  before: 'id < @before',
} as const;

/** `%text%` for LIKE, with the wildcards in `text` taken literally. */
const containing = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** The System Console's entries and messages in studio.db, written in batches by the console service. */
export class ConsoleStore {
  private readonly upsertEntry;
  private readonly selectEntry;
  private readonly selectTrace;
  private readonly reserveIds;
  private readonly deleteBeyondCount;
  private readonly deleteOlder;
  private readonly deleteThrough;

  /** `serverId`: the server that owns the entries this store writes (DESIGN §7). */
  constructor(
    private readonly db: Db,
    private readonly serverId: string | null = null,
  ) {
    // Positional parameters: binding sixteen named ones costs more, and this runs for every entry.
    this.upsertEntry = db.prepare(
      `INSERT INTO console_entries (id, process_id, application, actionflow, mode, user_name, status, started_at, duration_ms, request, reply, reason,
         error_count, warning_count, debug_count, dropped_messages, messages, trace, server_id)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (id) DO UPDATE SET user_name = excluded.user_name, status = excluded.status, duration_ms = excluded.duration_ms,
         reply = excluded.reply, reason = excluded.reason, error_count = excluded.error_count, warning_count = excluded.warning_count,
         debug_count = excluded.debug_count, dropped_messages = excluded.dropped_messages, messages = excluded.messages,
         trace = excluded.trace`,
    );
    this.selectEntry = db.prepare<[number, number], EntryRow>(
      `SELECT ${SUMMARY_COLUMNS.replace('NULL AS messages', 'messages')} FROM console_entries WHERE id = ? AND started_at >= ?`,
    );
    this.selectTrace = db.prepare<[number, number], { trace: string | null }>('SELECT trace FROM console_entries WHERE id = ? AND started_at >= ?');
    this.reserveIds = db.prepare<[number], number>("UPDATE id_blocks SET next = next + ? WHERE name = 'console_entries' RETURNING next").pluck();
    this.deleteBeyondCount = db.prepare<[number]>('DELETE FROM console_entries WHERE id <= (SELECT id FROM console_entries ORDER BY id DESC LIMIT 1 OFFSET ?)');
    this.deleteOlder = db.prepare<[number]>('DELETE FROM console_entries WHERE started_at < ?');
    this.deleteThrough = db.prepare<[number]>('DELETE FROM console_entries WHERE id <= ?');
  }

  /** False once the database is closed: nothing more can be written. */
  get open(): boolean {
    return this.db.open;
  }

  /**
   * Reserves `count` entry ids for this server alone and gives the first: servers sharing the
   * data folder take their ids from the same counter, so none overwrites another's entries.
   */
  reserveIdBlock(count: number): number {
    return this.reserveIds.get(count)! - count;
  }

  /**
   * Writes new and changed entries in one transaction, each with its messages as a JSON array of
   * `StoredMessage` (null while it runs). One row per entry: rows of their own would cost three
   * inserts, and three deletes at retention, for every run.
   */
  save(batch: Iterable<{ entry: ConsoleEntryRecord; messages: string | null; trace?: string | null }>): void {
    inTransaction(this.db, () => {
      for (const { entry, messages, trace } of batch) this.upsertEntry.run(columnsOf(entry, messages, trace ?? null, this.serverId));
    });
  }

  /** The run trace of an entry started since `startedSince`, as stored (JSON, masked); null when it has none, undefined when there is no such entry. */
  findTrace(id: number, startedSince: number): string | null | undefined {
    const row = this.selectTrace.get(id, startedSince);
    return row && row.trace;
  }

  /** One entry started since `startedSince`, with its messages. */
  find(id: number, startedSince: number): { entry: ConsoleEntryRecord; messages: StoredMessage[] } | undefined {
    const row = this.selectEntry.get(id, startedSince);
    return row && { entry: toRecord(row), messages: row.messages === null ? [] : (JSON.parse(row.messages) as StoredMessage[]) };
  }

  /** Entries newest first, filtered; `limit + 1` are read so the caller knows whether more follow. */
  list(query: ConsoleListQuery): ConsoleEntryRecord[] {
    const where = ['started_at >= @startedSince'];
    const params: Record<string, unknown> = { startedSince: query.startedSince, limit: query.limit + 1 };
    for (const [key, clause] of Object.entries(EXACT_FILTERS) as [keyof typeof EXACT_FILTERS, string][]) {
      if (query[key] === undefined) continue;
      where.push(clause);
      params[key] = query[key];
    }
    if (query.q) {
      where.push(`(process_id = @exact OR json_extract(request, '$.url') LIKE @q ESCAPE '\\' OR user_name LIKE @q ESCAPE '\\' OR reason LIKE @q ESCAPE '\\'
        OR messages LIKE @q ESCAPE '\\')`);
      params.q = containing(query.q);
      params.exact = query.q.trim().toLowerCase();
    }
    const sql = `SELECT ${SUMMARY_COLUMNS} FROM console_entries WHERE ${where.join(' AND ')} ORDER BY id DESC LIMIT @limit`;
    return this.db.prepare<[Record<string, unknown>], EntryRow>(sql).all(params).map(toRecord);
  }

  /** Deletes entries started before `cutoff`; returns how many went. */
  deleteStartedBefore(cutoff: number): number {
    return this.deleteOlder.run(cutoff).changes;
  }

  /** Deletes all but the newest `maxEntries` entries; returns how many went. */
  keepNewest(maxEntries: number): number {
    return this.deleteBeyondCount.run(maxEntries).changes;
  }

  /** Deletes the entries with ids up to `id` (a range of the primary key: cheap); returns how many went. */
  deleteUpTo(id: number): number {
    return this.deleteThrough.run(id).changes;
  }
}
