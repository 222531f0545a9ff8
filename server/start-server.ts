import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import type { AddressInfo } from 'node:net';
import { createServer, type Server } from 'node:http';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createApp } from './app.js';
import type { AppDeps } from './app-deps.js';
import { createRunServices } from './runs/run-services.js';
import { ServerLease } from './runs/server-lease.js';
import { defaultWorkerEntry, forkWorker, type WorkerLauncher } from './runs/worker-launcher.js';
import { RunWorkerPool, STOP_GRACE_MS } from './runs/worker-pool.js';
import { systemClock, type Clock } from './clock.js';
import { DATABASE_FILE, ensureDataDir } from './storage/data-folder.js';
import { externalChangeWatcher } from './storage/change-counters.js';
import { openDatabase } from './storage/database.js';
import { LeaseStore } from './storage/lease.store.js';
import { KeystoreHolder } from './storage/keystore.js';
import { createStores, type Stores } from './storage/stores.js';
import { apiKeyVerifier } from './security/api-key-verifier.js';
import { SecretVault } from './security/secret-vault.js';
import { seedDemoWorkspace } from './workspace/demo-workspace.js';

export interface StartServerOptions {
  /** The data folder (see `resolveDataDir`). */
  dataDir: string;
  /** 0 picks a free port; default: the `port` setting (8080). */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  /** Write the demo workspace when studio.db did not exist yet (the designer's commands do; scripts do not). */
  seedDemo?: boolean;
  clock?: Clock;
  /** The built designer; found beside the server by default. */
  rendererDir?: string;
  /** A better-sqlite3 addon built for this runtime (the desktop app from source runs in Electron, whose ABI differs from Node's). */
  sqliteAddon?: string;
  /** How run workers are started (DESIGN §10): `child_process.fork` by default; the desktop app passes Electron's `utilityProcess.fork`. */
  launchWorker?: WorkerLauncher;
  /** The worker script; found beside the server by default. */
  workerEntry?: string;
  /** Run workers, overriding the `runWorkers` setting (tests run one). */
  runWorkers?: number;
}

/** A listening server; `close` stops it, aborting runs and flushing the console. */
export interface RunningServer {
  /** e.g. http://127.0.0.1:8080 */
  url: string;
  host: string;
  port: number;
  /** The admin session token the designer needs (never print it outside the designer URL). */
  sessionToken: string;
  /** The designer's URL with the token in the fragment. */
  designerUrl: string;
  dataDir: string;
  stores: Stores;
  close(): Promise<void>;
}

/** Where `vite build` put the designer, seen from this file in `server/` (tests) or `dist/server/` (built). */
export function defaultRendererDir(): string | undefined {
  const here = dirname(fileURLToPath(import.meta.url));
  // From source (server/), ../renderer holds the unbuilt page: only a folder with built assets counts.
  return [resolve(here, '../renderer'), resolve(here, '../dist/renderer')].find(
    (dir) => existsSync(join(dir, 'index.html')) && existsSync(join(dir, 'assets')),
  );
}

/** The host as it goes in a URL: IPv6 in brackets. */
export function urlHost(host: string): string {
  return host.includes(':') ? `[${host}]` : host;
}

/**
 * Opens the data folder and starts the server. Rejects with the listen error (code EADDRINUSE
 * when the port is taken) or a `StorageError` naming a file it cannot use.
 */
export async function startServer(options: StartServerOptions): Promise<RunningServer> {
  const dataDir = resolve(options.dataDir);
  ensureDataDir(dataDir);
  const clock = options.clock ?? systemClock;
  const isNew = !existsSync(join(dataDir, DATABASE_FILE));
  const keystore = new KeystoreHolder(dataDir);
  const db = openDatabase(join(dataDir, DATABASE_FILE), options.sqliteAddon);
  const stores = createStores(db, clock);
  if (options.seedDemo && isNew) seedDemoWorkspace(stores);

  let port: number | undefined;
  const settings = stores.settings.get();
  const lease = new ServerLease(new LeaseStore(db), clock, () => {
    const current = stores.settings.get();
    return { leaseMs: current.leaseMs, renewMs: current.leaseRenewMs };
  });
  lease.start();
  const pool = new RunWorkerPool({
    launch: options.launchWorker ?? forkWorker,
    entry: options.workerEntry ?? defaultWorkerEntry(),
    args: [dataDir, options.sqliteAddon ?? ''],
    workers: options.runWorkers ?? settings.runWorkers ?? Math.max(2, availableParallelism()),
    runsPerWorker: settings.runsPerWorker,
    memoryMb: settings.workerMemoryMb,
    report: (line) => console.error(line),
  });
  try {
    await pool.ready();
  } catch (error) {
    await pool.close();
    lease.release();
    db.close();
    throw error;
  }
  // Stored secret values are masked again in the console; the front never resolves them for a run.
  const secrets = new SecretVault(stores.security, stores.bus, () => keystore.current.secretEncryptionKey);
  const services = createRunServices({ stores, secrets, clock, executor: pool, serverId: lease.serverId });
  const deps: AppDeps = {
    stores,
    keystore,
    clock,
    dataDir,
    rendererDir: options.rendererDir ?? defaultRendererDir(),
    externalChanges: externalChangeWatcher(db),
    callAuthorizer: apiKeyVerifier({ stores, keystore, clock }),
    services,
    previewer: (request) => pool.preview(request, stores.settings.get().expressionTimeoutMs + STOP_GRACE_MS),
    listeningPort: () => port,
  };
  stores.bus.subscribe((kind) => {
    if (kind === 'security') keystore.reload();
  });
  const app = createApp(deps);
  const server: Server = createServer(app);
  server.keepAliveTimeout = 65_000;
  const host = options.host ?? '127.0.0.1';
  try {
    await new Promise<void>((resolveListen, rejectListen) => {
      server.once('error', rejectListen);
      server.listen(options.port ?? stores.settings.get().port, host, () => {
        server.off('error', rejectListen);
        resolveListen();
      });
    });
  } catch (error) {
    await services.close();
    lease.release();
    db.close();
    throw error;
  }
  port = (server.address() as AddressInfo).port;
  const url = `http://${urlHost(host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host)}:${port}`;
  const sessionToken = keystore.current.sessionToken;
  let closing: Promise<void> | undefined;
  let stopped: Promise<void> | undefined;
  return {
    url,
    host,
    port,
    sessionToken,
    designerUrl: `${url}/#token=${sessionToken}`,
    dataDir,
    stores,
    close: () =>
      (closing ??= new Promise<void>((resolveClose) => {
        // Running runs are aborted (their callers get their replies) and console streams end; each
        // connection is closed as soon as it falls idle, and any left after 2 s are cut.
        const sweep = setInterval(() => server.closeIdleConnections(), 25);
        server.close(() => {
          clearInterval(sweep);
          resolveClose();
        });
        server.closeIdleConnections();
        services.console.endStreams();
        // Runs are stopped (waiting ones end without starting) and answered; their entries end Aborted.
        stopped = services.close();
        setTimeout(() => server.closeAllConnections(), 2000).unref();
      }).then(async () => {
        await stopped;
        lease.release();
        db.close();
      })),
  };
}
