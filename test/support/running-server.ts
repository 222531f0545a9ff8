import { onTestFinished } from 'vitest';
import { startServer, type RunningServer, type StartServerOptions } from '../../server/start-server.js';
import { tempDir } from './temp-dir.js';

/** Starts the real server on a free loopback port over a fresh data folder; stopped when the test finishes. */
export async function runningServer(options: Partial<StartServerOptions> = {}): Promise<RunningServer> {
  // One run worker: the tests' servers are many and small (DESIGN §9).
  const server = await startServer({ dataDir: options.dataDir ?? tempDir(), port: 0, runWorkers: 1, ...options });
  onTestFinished(() => server.close());
  return server;
}

/** Calls the admin API of a running server with its session token. */
export async function admin(server: RunningServer, method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
  const response = await fetch(`${server.url}/_studio/api/v1${path}`, {
    method,
    headers: { authorization: `Bearer ${server.sessionToken}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
    ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
  });
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: text ? (JSON.parse(text) as any) : undefined };
}
