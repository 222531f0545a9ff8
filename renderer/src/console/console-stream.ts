import type { ConsoleEntrySummary } from '../../../shared/dto/console.dto.js';
import { ApiError } from '../api/api-error.js';
import type { ConsoleClient } from '../api/console-client.js';
import { retryDelay } from '../state/connection.slice.js';

/** Where the live stream is: opening, open, waiting to reconnect, or refused for good (no console on this server, no session). */
export type ConsoleStreamState = 'connecting' | 'live' | 'reconnecting' | 'unavailable';

export interface ConsoleStreamHandlers {
  entry: (summary: ConsoleEntrySummary) => void;
  state: (state: ConsoleStreamState) => void;
  /** The stream (re)opened: entries may have been missed while it was closed. */
  opened: () => void;
}

/**
 * Follows the console's live stream: reads entries as they come and, when the stream ends or the
 * server goes away, reconnects after 1 s, 2 s, 4 s… (at most 15 s), starting again from 1 s once a
 * stream opens. Returns the function that stops it.
 */
export function followConsoleStream(client: Pick<ConsoleClient, 'openEvents'>, handlers: ConsoleStreamHandlers): () => void {
  const controller = new AbortController();
  let timer: ReturnType<typeof setTimeout> | undefined;
  let attempt = 0;

  const connect = async () => {
    handlers.state(attempt === 0 ? 'connecting' : 'reconnecting');
    try {
      const entries = await client.openEvents(controller.signal);
      attempt = 0;
      handlers.state('live');
      handlers.opened();
      for await (const entry of entries) handlers.entry(entry);
    } catch (error) {
      if (controller.signal.aborted) return;
      if (error instanceof ApiError && (error.status === 401 || error.status === 404)) {
        handlers.state('unavailable');
        return;
      }
    }
    if (controller.signal.aborted) return;
    handlers.state('reconnecting');
    timer = setTimeout(() => void connect(), retryDelay(attempt++));
  };

  void connect();
  return () => {
    clearTimeout(timer);
    controller.abort();
  };
}
