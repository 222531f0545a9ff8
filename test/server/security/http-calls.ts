import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, expect, vi } from 'vitest';
import { triggerPath } from '../../../shared/urls.js';
import type { RunningServer } from '../../../server/start-server.js';
import { loadKeystore } from '../../../server/storage/keystore.js';
import { runCli } from '../../support/cli.js';
import { admin, runningServer } from '../../support/running-server.js';

/**
 * Calls over real HTTP and CLI runs over their own connection to studio.db, each kept so that a test can search
 * everything a suite produced (replies, exports, CLI output, console lines, System Console
 * entries) for what must not leak.
 */

const seen: { what: string; text: string }[] = [];
/** Every API key the suite created, to search for. */
export const createdKeys: string[] = [];
/** Session tokens and keystore keys (base64 and hex) of the suite's data folders, to search for. */
export const keystoreSecrets: string[] = [];

/** Notes the data folder's session token and keys as they are now (call again after replacing a key). */
export function rememberKeystore(server: RunningServer): void {
  const keystore = loadKeystore(server.dataDir);
  keystoreSecrets.push(keystore.sessionToken);
  for (const key of [keystore.signingKey, keystore.secretEncryptionKey])
    keystoreSecrets.push(Buffer.from(key).toString('base64'), Buffer.from(key).toString('hex'));
}

export const keyedFlow = (name: string) => ({
  name,
  api: { allowAnonymous: false },
  nodes: [
    { id: 'in', type: 'apiInput', name: 'In', position: { x: 0, y: 0 } },
    { id: 'out', type: 'output', name: 'result', position: { x: 250, y: 0 } },
  ],
  connections: [{ id: 'c1', from: { node: 'in', point: 'out' }, to: { node: 'out', point: 'in' } }],
});

export const secretFlow = (echoUrl: string) => ({
  name: 'Uses Secret',
  api: { allowAnonymous: true },
  nodes: [
    { id: 'in', type: 'apiInput', name: 'In', position: { x: 0, y: 0 } },
    {
      id: 'h',
      type: 'http',
      name: 'Call CRM',
      position: { x: 250, y: 0 },
      config: {
        method: 'GET',
        url: echoUrl,
        headers: [{ name: 'Authorization', value: 'Bearer ${_datasource.CrmToken}' }],
        outputs: [{ name: 'echoed', path: '$.authorization' }],
      },
    },
    { id: 'out', type: 'output', name: 'result', position: { x: 500, y: 0 } },
  ],
  connections: [
    { id: 'c1', from: { node: 'in', point: 'out' }, to: { node: 'h', point: 'in' } },
    { id: 'c2', from: { node: 'h', point: 'out' }, to: { node: 'out', point: 'in' } },
  ],
});

export interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: any;
}

/** Triggers a flow, from `localAddress` when given (any 127.x.y.z is this machine). */
export function trigger(server: RunningServer, application: string, actionflow: string, authorization?: string, localAddress?: string): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request(
      `${server.url}${triggerPath({ application, actionflow })}`,
      { method: 'POST', headers: authorization === undefined ? {} : { authorization }, ...(localAddress ? { localAddress } : {}) },
      (response) => {
        let text = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => (text += chunk));
        response.on('end', () => {
          seen.push({ what: `reply to ${application}/${actionflow}`, text: text + JSON.stringify(response.headers) });
          const reply = { status: response.statusCode!, headers: response.headers, body: text ? JSON.parse(text) : undefined };
          keepConsole(server).then(() => resolve(reply), reject);
        });
      },
    );
    req.on('error', reject);
    req.end('{}');
  });
}

const keptEntries = new WeakMap<RunningServer, Map<number, string>>();

/** Keeps the server's console (the list, and each entry with its messages once finished) for the final search. */
async function keepConsole(server: RunningServer): Promise<void> {
  const page = await admin(server, 'GET', '/console/entries?limit=200');
  seen.push({ what: 'console list', text: JSON.stringify(page.body) });
  const kept = keptEntries.get(server) ?? new Map<number, string>();
  keptEntries.set(server, kept);
  for (const summary of page.body.entries as { id: number; status: string; application: string; actionflow: string }[]) {
    if (kept.get(summary.id) === summary.status) continue;
    kept.set(summary.id, summary.status);
    const detail = await admin(server, 'GET', `/console/entries/${summary.id}`);
    seen.push({ what: `console entry ${summary.id} of ${summary.application}/${summary.actionflow}`, text: JSON.stringify(detail.body) });
  }
}

/** The admin API, keeping the reply for the final search. */
export async function adminCall(server: RunningServer, method: string, path: string, body?: unknown) {
  const reply = await admin(server, method, path, body);
  seen.push({ what: `admin ${method} ${path}`, text: JSON.stringify(reply.body ?? '') });
  return reply;
}

/** `actionflow ARGS --data <the server's folder>` over its own connection to studio.db, while the server runs. */
export async function cli(server: RunningServer, args: string[], input?: string) {
  const result = await runCli([...args, '--data', server.dataDir], input === undefined ? {} : { input });
  if (result.code !== 0) throw new Error(`actionflow ${args.join(' ')} exited ${result.code}: ${result.stderr}`);
  seen.push({ what: `actionflow ${args.join(' ')} (stderr)`, text: result.stderr });
  if (!(args[0] === 'keys' && args[1] === 'create')) seen.push({ what: `actionflow ${args.join(' ')}`, text: result.stdout });
  return result;
}

export async function cliKey(server: RunningServer, user: string): Promise<string> {
  const key = (await cli(server, ['keys', 'create', '--user', user])).stdout.trim();
  createdKeys.push(key);
  return key;
}

/** A server with applications Demo and Other, each with the keyed flow "Keyed"; alice may use keys in Demo only. */
export async function keyedServer() {
  const server = await runningServer();
  rememberKeystore(server);
  for (const application of ['Demo', 'Other']) {
    await adminCall(server, 'POST', '/applications', { name: application });
    expect((await adminCall(server, 'POST', `/applications/${application}/actionflows`, keyedFlow('Keyed'))).status).toBe(201);
  }
  await adminCall(server, 'POST', '/security/users', { name: 'alice' });
  await adminCall(server, 'POST', '/security/user-groups', { name: 'API Users', users: ['alice'] });
  await adminCall(server, 'POST', '/security/roles', { name: 'Callers', application: 'Demo', privileges: ['Use API Key'], userGroups: ['API Users'] });
  return { server, ...(await adminKey(server, 'alice')) };
}

/** Creates a key through the admin API; its creation reply, the one place a key may appear, is kept out of the search. */
export async function adminKey(server: RunningServer, user: string): Promise<{ key: string; id: string }> {
  const created = await admin(server, 'POST', '/security/api-keys', { user, label: 'tests' });
  expect(created.status).toBe(201);
  createdKeys.push(created.body.key);
  return { key: created.body.key, id: created.body.record.id };
}

export const refused = (status: number, message: string) => ({ status, body: { status: 'Fail', message } });

const logged: string[] = [];

/** Keeps every console line of the suite (still printing it); call once at the top of a test file. */
export function watchConsole(): void {
  beforeAll(() => {
    for (const method of ['log', 'info', 'warn', 'error', 'debug'] as const) {
      const original = console[method].bind(console);
      vi.spyOn(console, method).mockImplementation((...args: unknown[]) => {
        logged.push(args.map((arg) => (arg instanceof Error ? `${arg.message}\n${arg.stack}` : typeof arg === 'string' ? arg : JSON.stringify(arg))).join(' '));
        original(...args);
      });
    }
  });
  afterAll(() => {
    vi.restoreAllMocks();
  });
}

/** Where any of `needles` occurs in what the suite produced, as `<where>: <start of the needle>...`. */
export function leaksOf(needles: string[]): string[] {
  const haystacks = [...seen, ...logged.map((text) => ({ what: 'console', text }))];
  return haystacks.flatMap(({ what, text }) => needles.filter((needle) => text.includes(needle)).map((needle) => `${what}: ${needle.slice(0, 12)}...`));
}

/** A local service that answers every request with the Authorization header it received. */
export function echoService(): { url: () => string; received: string[] } {
  let server: Server;
  let url = '';
  const received: string[] = [];
  beforeAll(async () => {
    server = createServer((req, res) => {
      received.push(String(req.headers.authorization));
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ authorization: req.headers.authorization }));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/echo`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
  return { url: () => url, received };
}
