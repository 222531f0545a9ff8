import { createServer } from 'node:net';
import { app } from 'electron';
import { startServer, StorageError, type RunningServer } from '../server/index.js';
import { askToUseAnotherPort, showStartupError } from './message-boxes.js';
import { utilityWorker } from './run-worker-launcher.js';

/** How many other ports are offered before giving up (each one could be taken in between). */
const MAX_PORT_OFFERS = 3;

/** A port nothing listens on right now on 127.0.0.1, picked by the system. */
export function findFreePort(): Promise<number> {
  return new Promise((resolvePort, rejectPort) => {
    const probe = createServer();
    probe.once('error', rejectPort);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => (address && typeof address === 'object' ? resolvePort(address.port) : rejectPort(new Error('no free port found'))));
    });
  });
}

type ListenError = NodeJS.ErrnoException & { port?: number };

/** What is wrong with the port, when the server could not listen on it. */
export function portProblem(error: unknown): string | undefined {
  const { code, port } = error as ListenError;
  const which = port === undefined ? 'The configured port' : `Port ${port}`;
  if (code === 'EADDRINUSE') return `${which} is already in use by another program.`;
  if (code === 'EACCES') return `${which} is reserved: this account may not listen on it.`;
  return undefined;
}

/** What the startup error box says when the server cannot start. */
export function startupFailureMessage(error: unknown): string {
  if (error instanceof StorageError) return error.message;
  const problem = portProblem(error);
  // Only reached once the free ports offered instead failed too, which takes ports vanishing in between.
  if (problem) return `${problem} The other free ports offered could not be used either; start the app again to try once more.`;
  return error instanceof Error ? error.message : String(error);
}

export type EmbeddedServerStart = { outcome: 'started'; server: RunningServer } | { outcome: 'declined' } | { outcome: 'failed'; message: string };

/**
 * Starts the server in this process on the configured port and the shared data folder, with
 * the demo workspace on a first start (and `sqliteAddon`, when given, as its SQLite). When the port cannot be used, asks to run on a free
 * one instead; a declined offer or any other failure is reported, never thrown.
 */
export async function startEmbeddedServer(dataDir: string, sqliteAddon?: string): Promise<EmbeddedServerStart> {
  let port: number | undefined;
  for (let offers = 0; ; offers += 1) {
    try {
      const server = await startServer({ dataDir, seedDemo: true, sqliteAddon, launchWorker: utilityWorker, ...(port === undefined ? {} : { port }) });
      return { outcome: 'started', server };
    } catch (error) {
      const problem = portProblem(error);
      if (problem === undefined || offers >= MAX_PORT_OFFERS) {
        const message = startupFailureMessage(error);
        showStartupError(message);
        return { outcome: 'failed', message };
      }
      const freePort = await findFreePort();
      if (!(await askToUseAnotherPort(problem, freePort))) return { outcome: 'declined' };
      port = freePort;
    }
  }
}

/**
 * Holds the app's quit until the server has stopped (runs aborted, console flushed, database
 * closed), then lets it go on. A second quit while stopping just waits for the first.
 */
export function registerServerShutdown(server: RunningServer, reportError: (error: unknown) => void): void {
  let state: 'running' | 'stopping' | 'stopped' = 'running';
  app.on('before-quit', (event) => {
    if (state === 'stopped') return;
    event.preventDefault();
    if (state === 'stopping') return;
    state = 'stopping';
    server
      .close()
      .catch(reportError)
      .finally(() => {
        state = 'stopped';
        app.quit();
      });
  });
}
