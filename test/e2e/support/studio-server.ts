import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Clock } from '../../../server/clock.js';
import { startServer, type RunningServer } from '../../../server/start-server.js';

/** Where `npm run build` puts the designer. */
export const BUILT_DESIGNER = resolve(fileURLToPath(new URL('../../../dist/renderer', import.meta.url)));

/** Fails with a clear message when the designer has not been built (`npm test` builds it first). */
export function assertDesignerBuilt(): void {
  if (!existsSync(join(BUILT_DESIGNER, 'index.html'))) {
    throw new Error(`the designer is not built: ${BUILT_DESIGNER}/index.html is missing; run \`npm run build\` (npm test does) before the e2e suite`);
  }
}

export interface StudioServer {
  server: RunningServer;
  dataDir: string;
  /** Stops the server, keeping the data folder (to start it again on the same port). */
  stop(): Promise<void>;
  /** Starts the server again on the same data folder and port. */
  restart(): Promise<RunningServer>;
  /** Stops the server and removes the data folder. */
  dispose(): Promise<void>;
}

/**
 * Starts the real server with the demo workspace on a fresh data folder and a free loopback port;
 * `clock` fixes the server's time (for pictures that do not change from run to run).
 */
export async function startStudio(options: { clock?: Clock } = {}): Promise<StudioServer> {
  assertDesignerBuilt();
  const dataDir = mkdtempSync(join(tmpdir(), 'actionflow-e2e-'));
  const clock = options.clock ? { clock: options.clock } : {};
  let server = await startServer({ dataDir, port: 0, seedDemo: true, rendererDir: BUILT_DESIGNER, runWorkers: 1, ...clock });
  let running = true;
  const studio: StudioServer = {
    get server() {
      return server;
    },
    dataDir,
    stop: async () => {
      if (running) await server.close();
      running = false;
    },
    restart: async () => {
      if (running) await server.close();
      server = await startServer({ dataDir, port: server.port, rendererDir: BUILT_DESIGNER, runWorkers: 1, ...clock });
      running = true;
      return server;
    },
    dispose: async () => {
      await studio.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
  return studio;
}

/** Calls the admin API of the running server, as a second window or the CLI would. */
export async function adminCall(server: RunningServer, method: string, path: string, body?: unknown): Promise<{ status: number; body: any }> {
  const response = await fetch(`${server.url}/_studio/api/v1${path}`, {
    method,
    headers: { authorization: `Bearer ${server.sessionToken}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : undefined };
}
