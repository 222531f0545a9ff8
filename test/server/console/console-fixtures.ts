import { onTestFinished } from 'vitest';
import type { ConsoleEntryDetail, ConsoleEntrySummary, ConsolePage } from '../../../shared/dto/console.dto.js';
import type { RunningServer } from '../../../server/start-server.js';
import { admin } from '../../support/running-server.js';

/** GET /console/entries with a query string ("" for none). */
export async function entries(server: RunningServer, query = ''): Promise<ConsolePage> {
  const reply = await admin(server, 'GET', `/console/entries${query}`);
  if (reply.status !== 200) throw new Error(`console list answered ${reply.status}: ${JSON.stringify(reply.body)}`);
  return reply.body as ConsolePage;
}

/** GET /console/entries/:id. */
export async function entry(server: RunningServer, id: number): Promise<ConsoleEntryDetail> {
  const reply = await admin(server, 'GET', `/console/entries/${id}`);
  if (reply.status !== 200) throw new Error(`console entry ${id} answered ${reply.status}: ${JSON.stringify(reply.body)}`);
  return reply.body as ConsoleEntryDetail;
}

/** The console entry of a run, by its process id. */
export async function entryOfProcess(server: RunningServer, processId: string): Promise<ConsoleEntryDetail> {
  const found = (await entries(server, '?limit=200')).entries.find((summary) => summary.processId === processId);
  if (!found) throw new Error(`no console entry for process ${processId}`);
  return entry(server, found.id);
}

/** An open GET /console/stream, read as a client does with fetch streaming: the events so far and the comments. */
export interface ConsoleStream {
  events: { event: string; data: ConsoleEntrySummary }[];
  comments: string[];
  status: number;
  contentType: string | null;
  /** Resolves when the server ends the stream. */
  ended: Promise<void>;
  /** Leaves the stream, as a client that goes away. */
  close(): void;
}

export function openStream(server: RunningServer): Promise<ConsoleStream> {
  return openEventStream(`${server.url}/_studio/api/v1/console/stream`, { authorization: `Bearer ${server.sessionToken}` });
}

/** Reads the Server-Sent Events at `url`: its events and its comment lines, as they come. */
export async function openEventStream(url: string, headers: Record<string, string> = {}): Promise<ConsoleStream> {
  const controller = new AbortController();
  onTestFinished(() => controller.abort());
  const response = await fetch(url, { headers, signal: controller.signal });
  const stream: ConsoleStream = {
    events: [],
    comments: [],
    status: response.status,
    contentType: response.headers.get('content-type'),
    ended: Promise.resolve(),
    close: () => controller.abort(),
  };
  stream.ended = (async () => {
    const decoder = new TextDecoder();
    let buffer = '';
    try {
      for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
        buffer += decoder.decode(chunk, { stream: true });
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const lines = block.split('\n');
          if (lines.every((line) => line.startsWith(':'))) stream.comments.push(...lines.map((line) => line.slice(1).trim()));
          const event = lines.find((line) => line.startsWith('event: '))?.slice(7);
          const data = lines.find((line) => line.startsWith('data: '))?.slice(6);
          if (event && data) stream.events.push({ event, data: JSON.parse(data) as ConsoleEntrySummary });
        }
      }
    } catch (error) {
      if ((error as Error).name !== 'AbortError') throw error;
    }
  })();
  return stream;
}
