import { Router, type Response } from 'express';
import { CONSOLE_STREAM_EVENT, consoleQuery, type ConsoleEntryDetail } from '../../shared/dto/console.dto.js';
import type { ConsoleTrace } from '../../shared/dto/run-trace.dto.js';
import type { RunServices } from '../runs/run-services.js';
import { ConflictError } from '../errors/conflict.error.js';
import { NotFoundError } from '../errors/not-found.error.js';
import { ValidationError } from '../errors/validation.error.js';
import { parseInput } from './parse-input.js';

/** A comment line on the event stream this often, so proxies and clients know it is alive. */
export const HEARTBEAT_MS = 15_000;
/** A subscriber that lets this much pile up unread is dropped (it can reconnect). */
const MAX_UNSENT_BYTES = 4 * 1024 * 1024;

/** The System Console (DESIGN §6): entries with filters and paging, one entry, its run's trace (§8), the live stream, and stopping a run. */
export function consoleRoutes(services: RunServices, { heartbeatMs = HEARTBEAT_MS }: { heartbeatMs?: number } = {}): Router {
  const router = Router();
  const entryOf = (id: string | string[] | undefined): ConsoleEntryDetail => {
    const text = String(id);
    const entry = /^[1-9][0-9]{0,15}$/.test(text) ? services.console.entry(Number(text)) : undefined;
    if (!entry) throw new NotFoundError(`there is no console entry ${JSON.stringify(text)} (it may be past the console's retention)`);
    return entry;
  };

  router.get('/console/entries', (request, response) => {
    response.json(services.console.list(parseInput(consoleQuery, request.query, 'the console query')));
  });

  router.get('/console/entries/:id', (request, response) => {
    const download = request.query.download;
    if (download !== undefined && download !== '1' && download !== 'true') {
      throw new ValidationError('the console query is not valid', [{ path: '$.download', message: 'download is 1 or true' }]);
    }
    const entry = entryOf(request.params.id);
    if (download !== undefined) response.attachment(`console-entry-${entry.id}.json`);
    response.json(entry);
  });

  router.get('/console/entries/:id/trace', (request, response) => {
    const entry = entryOf(request.params.id);
    const trace: ConsoleTrace = { entry: entry.id, trace: services.console.trace(entry.id) ?? null };
    response.json(trace);
  });

  router.post('/console/entries/:id/stop', async (request, response) => {
    const entry = entryOf(request.params.id);
    const ending = entry.status === 'Running' && entry.processId !== null ? services.runs.stop(entry.processId) : undefined;
    if (!ending) throw new ConflictError(`console entry ${entry.id} is not running (${entry.status}); only a running run can be stopped`);
    // The run ends within a second of its stop (its worker is killed otherwise); its reply is
    // sent as soon as it ends: let that happen, then show the entry as it ended.
    await ending;
    await new Promise((resolve) => setImmediate(resolve));
    response.status(202).json(services.console.entry(entry.id) ?? entry);
  });

  router.get('/console/stream', (request, response) => {
    openStream(response);
    const send = (text: string) => {
      if (response.writableLength > MAX_UNSENT_BYTES) response.end();
      else response.write(text);
    };
    const unsubscribe = services.console.subscribe({
      entry: (summary) => send(`event: ${CONSOLE_STREAM_EVENT}\ndata: ${JSON.stringify(summary)}\n\n`),
      close: () => response.end(),
    });
    const heartbeat = setInterval(() => send(': heartbeat\n\n'), heartbeatMs);
    heartbeat.unref();
    response.on('close', () => {
      clearInterval(heartbeat);
      unsubscribe();
    });
  });

  return router;
}

function openStream(response: Response): void {
  response.writeHead(200, {
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-store',
    connection: 'keep-alive',
    'x-accel-buffering': 'no',
  });
  // A first line sends the headers at once, so the client knows the stream is open.
  response.write(': connected\n\n');
}
