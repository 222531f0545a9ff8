import { createServer, request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { onTestFinished } from 'vitest';
import type { ActionflowInput } from '../../../shared/schemas/actionflow.schema.js';
import { triggerPath } from '../../../shared/urls.js';
import { parseWorkspace } from '../../../shared/validation/parse-workspace.js';
import { createApp } from '../../../server/app.js';
import type { AppDeps } from '../../../server/app-deps.js';
import { systemClock } from '../../../server/clock.js';
import { refuseKeyedCalls } from '../../../server/security/call-authorizer.js';
import { createFlowEngine } from '../../../server/engine/flow-engine.js';
import { InProcessExecutor } from '../../../server/runs/in-process-executor.js';
import { createRunServices } from '../../../server/runs/run-services.js';
import { noSecrets, type SecretResolver } from '../../../server/security/secret-resolver.js';
import { ensureDataDir } from '../../../server/storage/data-folder.js';
import { openDatabase } from '../../../server/storage/database.js';
import { KeystoreHolder } from '../../../server/storage/keystore.js';
import { createStores, type Stores } from '../../../server/storage/stores.js';
import { importWorkspace } from '../../../server/workspace/import.service.js';
import { runningServer } from '../../support/running-server.js';
import { tempDir } from '../../support/temp-dir.js';

export { flow, node } from '../engine/engine-harness.js';

type Applications = Record<string, { actionflows: ActionflowInput[]; tables?: unknown[] }>;

/** Writes applications (name → flows and tables) into the stores, as an import would. */
export function addApplications(stores: Stores, applications: Applications): void {
  const parsed = parseWorkspace({
    format: 'actionflow-workspace',
    formatVersion: 1,
    applications: Object.entries(applications).map(([name, content]) => ({ name, ...content })),
  });
  if (!parsed.ok) throw new Error(`test workspace is not valid: ${JSON.stringify(parsed.problems, null, 1)}`);
  importWorkspace(stores, parsed.workspace);
}

/** The real server (startServer) on a free port over a fresh data folder, holding `applications`. */
export async function serverWith(applications: Applications, settings: Record<string, unknown> = {}) {
  const server = await runningServer();
  addApplications(server.stores, applications);
  if (Object.keys(settings).length > 0) server.stores.settings.update(settings);
  return server;
}

/**
 * createApp over a fresh data folder with the engine's secrets replaced by `secrets` (a fake
 * resolver), its runs performed in this process on that engine, listening on a free port.
 */
export async function appServerWith(applications: Applications, { secrets = noSecrets }: { secrets?: SecretResolver } = {}) {
  const dataDir = tempDir();
  ensureDataDir(dataDir);
  const stores = createStores(openDatabase(join(dataDir, 'studio.db')), systemClock);
  addApplications(stores, applications);
  let port: number | undefined;
  const executor = new InProcessExecutor(createFlowEngine(stores, secrets));
  const deps: AppDeps = {
    stores,
    keystore: new KeystoreHolder(dataDir),
    clock: systemClock,
    dataDir,
    externalChanges: () => [],
    callAuthorizer: refuseKeyedCalls,
    services: createRunServices({ stores, clock: systemClock, secrets, executor }),
    listeningPort: () => port,
  };
  const server = createServer(createApp(deps));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
  onTestFinished(
    () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => {
          void deps.services.close().then(() => {
            stores.db.close();
            resolve();
          });
        });
      }),
  );
  return { url: `http://127.0.0.1:${port}`, deps };
}

/** A reply as a client sees it. */
export interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
  body: any;
}

/** Sends a raw HTTP request (any method, a body with any method, exact path bytes). */
export function send(
  base: string,
  path: string,
  options: { method?: string; body?: string | Buffer; headers?: Record<string, string | string[]> } = {},
): Promise<Reply> {
  const headers = { ...options.headers };
  const framed = Object.keys(headers).some((name) => ['content-length', 'transfer-encoding'].includes(name.toLowerCase()));
  // Node frames a GET body only when told its length.
  if (options.body !== undefined && !framed) headers['content-length'] = String(Buffer.byteLength(options.body));
  return new Promise((resolve, reject) => {
    const req = httpRequest(`${base}${path}`, { method: options.method ?? 'POST', headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        let body: unknown;
        try {
          body = text ? JSON.parse(text) : undefined;
        } catch {
          body = undefined;
        }
        resolve({ status: response.statusCode!, headers: response.headers, text, body });
      });
    });
    req.on('error', reject);
    req.end(options.body);
  });
}

/** The trigger path (version 11 form, or version 10 without the application), with a query. */
export const trigger = (application: string | undefined, actionflow: string, query = '') =>
  `${triggerPath(application === undefined ? { actionflow } : { application, actionflow })}${query}`;

/** Posts JSON to a flow's trigger. */
export const post = (base: string, application: string | undefined, actionflow: string, body: unknown, query = '') =>
  send(base, trigger(application, actionflow, query), { body: JSON.stringify(body), headers: { 'content-type': 'application/json' } });
