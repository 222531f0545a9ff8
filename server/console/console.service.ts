import type { ConsoleEntryDetail, ConsoleEntrySummary, ConsolePage, ConsoleQuery } from '../../shared/dto/console.dto.js';
import type { Settings } from '../../shared/schemas/settings.schema.js';
import type { Clock } from '../clock.js';
import { serializedJsonMasker, serializedMasker, withMaskedAuthorization } from '../engine/mask.js';
import type { WireReply } from '../runs/run-answer.js';
import type { RunEntry } from './run-entry.js';
import type { SecretResolver } from '../security/secret-resolver.js';
import type { ConsoleEntryRecord, ConsoleStore } from '../storage/console.store.js';
import { RunMasker } from '../engine/run-masker.js';
import { ConsoleRunLog } from './console-run-log.js';
import { entryDetail, entrySummary } from './entry-views.js';
import type { StoredMessage } from '../storage/console.store.js';
import { storedMessagesJson, storedTraceJson, type StoredSecretMasks } from './stored-message.js';
import type { RunTrace } from '../../shared/dto/run-trace.dto.js';
import { expandedTrace } from '../engine/run-trace.js';
import type { PendingWrites, WriteBehind } from './write-behind.js';
import type { ApiMode } from '../../shared/schemas/actionflow.schema.js';

/** Entry ids reserved at a time (one write per this many entries). */
const ID_BLOCK = 1000;

/** How often entries past the maximum age are deleted while none is being written (each write deletes them too). */
const AGE_PURGE_INTERVAL_MS = 60_000;

export interface ConsoleServiceDeps {
  store: ConsoleStore;
  clock: Clock;
  settings: () => Settings;
  /** Every stored secret value is masked in every entry. */
  secrets: SecretResolver;
  /** Where entries are queued for the disk. */
  writes: WriteBehind;
}

/** A call refused before its run (401, 403, 413, 429) on a known flow. */
export interface RefusedCall {
  application: string;
  actionflow: string;
  mode: ApiMode;
  request: { method: string; url: string; contentType: string; bytes: number; headers: Record<string, string | string[]> };
  reply: WireReply;
  reason: string;
  /** Whose valid API key was refused (a 403); absent when the call proved no one. */
  user?: string;
}

/** Told of every new and changed entry, and when the console closes. */
export interface ConsoleSubscriber {
  entry(summary: ConsoleEntrySummary): void;
  close(): void;
}

/**
 * The System Console (DESIGN §6): an entry per run and per refused call, with its messages.
 * Live entries are kept in memory and written to studio.db in batches, so the request path never
 * waits on the disk; entries are masked when written or read, and kept up to the configured
 * count and age.
 */
export class ConsoleService {
  private nextId = 0;
  private blockEnd = 0;
  /** Entries running, or finished and not written yet. */
  private readonly live = new Map<number, ConsoleRunLog>();
  private readonly writes: PendingWrites<number, ConsoleRunLog>;
  private readonly subscribers = new Set<ConsoleSubscriber>();
  private readonly purgeTimer: NodeJS.Timeout;
  /** The highest entry id written; the count limit keeps the ids above it less the limit. */
  private newestWritten = 0;
  private masks: { values: readonly string[]; mask: StoredSecretMasks } | undefined;

  constructor(private readonly deps: ConsoleServiceDeps) {
    this.writes = deps.writes.queue((batch) => this.write(batch.values()));
    deps.store.keepNewest(deps.settings().consoleMaxEntries);
    this.purge();
    this.purgeTimer = setInterval(() => this.purge(), AGE_PURGE_INTERVAL_MS);
    this.purgeTimer.unref();
  }

  /** Opens the console entry of a run that starts. */
  readonly openRun = (entry: RunEntry): ConsoleRunLog => {
    const { request } = entry;
    const url = this.mask(request.url);
    const log = this.open({
      processId: entry.processId,
      application: entry.application,
      actionflow: entry.actionflow,
      mode: entry.mode,
      user: entry.user,
      status: 'Running',
      startedAt: entry.startedAt,
      durationMs: null,
      request: url === request.url ? request : { ...request, url },
      reply: null,
      reason: null,
    });
    this.writes.put(log.record.id, log);
    this.publish(log.record);
    return log;
  };

  /** Records a call refused before its run, with its request and the refusal as sent. */
  refused(call: RefusedCall): void {
    const { headers, ...request } = call.request;
    const masker = new RunMasker().note(headers, request.url);
    const log = this.open({
      processId: null,
      application: call.application,
      actionflow: call.actionflow,
      mode: call.mode,
      user: call.user ?? null,
      status: 'Refused',
      startedAt: this.deps.clock.now(),
      durationMs: 0,
      request: { ...request, url: this.mask(masker.text(request.url)) },
      reply: null,
      reason: null,
    });
    log.add('Request', masker.text(`${request.method} ${request.url}`), masker.value({ ...request, headers: withMaskedAuthorization(headers) }));
    log.replied(call.reply, `${call.reply.status} ${call.reason}`);
    log.record.reason = call.reason;
    this.ended(log);
  }

  /** A page of entries, newest first. */
  list(query: ConsoleQuery): ConsolePage {
    this.flush();
    const rows = this.deps.store.list({ ...query, startedSince: this.oldestKept() });
    const page = rows.slice(0, query.limit).map((row) => entrySummary(this.live.get(row.id)?.record ?? row));
    return { entries: page, nextBefore: rows.length > query.limit ? page.at(-1)!.id : null };
  }

  /** One entry with its messages; undefined when unknown or past the retention. */
  entry(id: number): ConsoleEntryDetail | undefined {
    const log = this.live.get(id);
    if (log) return entryDetail(log.record, JSON.parse(storedMessagesJson(log.messages, this.masker())) as StoredMessage[]);
    const stored = this.deps.store.find(id, this.oldestKept());
    return stored && entryDetail(stored.entry, stored.messages);
  }

  /** What an entry's run did on its flow; null when it kept none (a refused call, a run still going), undefined when the entry is unknown. */
  trace(id: number): RunTrace | null | undefined {
    const log = this.live.get(id);
    if (log) return log.trace === null ? null : expandedTrace(JSON.parse(storedTraceJson(log.trace, this.masker())) as RunTrace);
    const stored = this.deps.store.findTrace(id, this.oldestKept());
    if (stored === undefined || stored === null) return stored;
    return expandedTrace(JSON.parse(stored) as RunTrace);
  }

  /** Tells `subscriber` of every new and changed entry; returns the function that stops it. */
  subscribe(subscriber: ConsoleSubscriber): () => void {
    this.subscribers.add(subscriber);
    return () => this.subscribers.delete(subscriber);
  }

  /** Writes every pending entry (and whatever else is queued for the disk) now. */
  flush(): void {
    this.deps.writes.flush();
  }

  /** Ends every subscription (the server is stopping). */
  endStreams(): void {
    for (const subscriber of this.subscribers) subscriber.close();
    this.subscribers.clear();
  }

  /** Stops the timers and ends every subscription (what is pending is written by the shared `WriteBehind`). */
  close(): void {
    clearInterval(this.purgeTimer);
    this.endStreams();
  }

  private open(fields: Omit<ConsoleEntryRecord, 'id' | 'counts' | 'droppedMessages'>): ConsoleRunLog {
    if (this.nextId >= this.blockEnd) {
      this.nextId = this.deps.store.reserveIdBlock(ID_BLOCK);
      this.blockEnd = this.nextId + ID_BLOCK;
    }
    const record: ConsoleEntryRecord = { id: this.nextId++, ...fields, counts: { errors: 0, warnings: 0, debug: 0 }, droppedMessages: 0 };
    const log = new ConsoleRunLog(record, this.deps.clock, (ended) => this.ended(ended));
    this.live.set(record.id, log);
    return log;
  }

  private ended(log: ConsoleRunLog): void {
    this.writes.put(log.record.id, log);
    this.publish(log.record);
  }

  private publish(record: ConsoleEntryRecord): void {
    if (this.subscribers.size === 0) return;
    const summary = entrySummary(record);
    for (const subscriber of this.subscribers) subscriber.entry(summary);
  }

  private write(batch: Iterable<ConsoleRunLog>): void {
    const mask = this.masker();
    const logs = [...batch];
    this.deps.store.save(
      logs.map((log) => ({
        entry: log.record,
        messages: log.finished ? storedMessagesJson(log.messages, mask) : null,
        trace: log.trace === null ? null : storedTraceJson(log.trace, mask),
      })),
    );
    for (const log of logs) {
      this.newestWritten = Math.max(this.newestWritten, log.record.id);
      if (log.finished && this.live.get(log.record.id) === log) this.live.delete(log.record.id);
    }
    this.purge();
  }

  /**
   * Deletes entries past the maximum age and beyond the maximum count, with their messages. Ids
   * are given in order, so the newest `consoleMaxEntries` are the ids above the newest written less
   * the limit: both deletes are ranges of an index, cheap when there is nothing to delete.
   */
  private purge(): void {
    if (!this.deps.store.open) return;
    this.deps.store.deleteStartedBefore(this.oldestKept());
    const beyond = this.newestWritten - this.deps.settings().consoleMaxEntries;
    if (beyond > 0) this.deps.store.deleteUpTo(beyond);
  }

  private oldestKept(): number {
    return this.deps.clock.now() - this.deps.settings().consoleMaxAgeMs;
  }

  private mask(text: string): string {
    return this.masker().text(text);
  }

  /** Masks every stored secret value; rebuilt when the values change. */
  private masker(): StoredSecretMasks {
    const values = this.deps.secrets.knownValues?.() ?? [];
    if (this.masks?.values !== values) this.masks = { values, mask: { text: serializedMasker(values), json: serializedJsonMasker(values) } };
    return this.masks.mask;
  }
}
