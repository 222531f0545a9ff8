import {
  CONSOLE_STREAM_EVENT,
  type ConsoleEntryDetail,
  type ConsoleEntrySummary,
  type ConsolePage,
  type ConsoleQuery,
} from '../../../shared/dto/console.dto.js';
import { consoleTraceSchema, type ConsoleTrace } from '../../../shared/dto/run-trace.dto.js';
import type { AdminTransport } from './admin-transport.js';
import { SseParser } from './sse-parser.js';

/** Filters and paging of a console page, as the designer sends them (the server applies its defaults). */
export type ConsolePageQuery = Partial<ConsoleQuery>;

const asQuery = (query: ConsolePageQuery): Record<string, string | undefined> =>
  Object.fromEntries(Object.entries(query).map(([key, value]) => [key, value === undefined || value === '' ? undefined : String(value)]));

/** The System Console's admin routes (`/console/...`): pages of entries, one entry, stop, and the live stream. */
export class ConsoleClient {
  constructor(private readonly transport: AdminTransport) {}

  /** A page of entries, newest first. */
  entries(query: ConsolePageQuery = {}): Promise<ConsolePage> {
    return this.transport.request('GET', '/console/entries', { query: asQuery(query) });
  }

  /** One entry with its messages. */
  entry(id: number): Promise<ConsoleEntryDetail> {
    return this.transport.request('GET', `/console/entries/${id}`);
  }

  /** What an entry's run did on its flow (null while it runs, or for a refused call). */
  async trace(id: number): Promise<ConsoleTrace> {
    return consoleTraceSchema.parse(await this.transport.request('GET', `/console/entries/${id}/trace`));
  }

  /** Stops a running entry's run; answers the entry as it ended (409 when it is not running). */
  stop(id: number): Promise<ConsoleEntryDetail> {
    return this.transport.request('POST', `/console/entries/${id}/stop`);
  }

  /**
   * Opens the live stream (`GET /console/stream`): once the server has answered, the entries as
   * they are created and again when they change. The entries end when the server closes the
   * stream; `signal` closes it from here.
   */
  async openEvents(signal: AbortSignal): Promise<AsyncIterable<ConsoleEntrySummary>> {
    const body = await this.transport.openStream('/console/stream', signal);
    return entriesOf(body);
  }
}

async function* entriesOf(body: ReadableStream<Uint8Array>): AsyncGenerator<ConsoleEntrySummary> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  const parser = new SseParser();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      // `stream: true` keeps a character split between two chunks for the next one.
      for (const event of parser.push(decoder.decode(value, { stream: true }))) {
        if (event.event === CONSOLE_STREAM_EVENT) yield JSON.parse(event.data) as ConsoleEntrySummary;
      }
    }
  } finally {
    // Leaving early (or on an error) closes the connection rather than leaving it open unread.
    await reader.cancel().catch(() => undefined);
  }
}
