import { describe, expect, it } from 'vitest';
import { flow, node, send, serverWith } from '../api/api-fixtures.js';
import { admin } from '../../support/running-server.js';
import { entries } from './console-fixtures.js';

const SECRET = 'trace-secret-7f3a9c2b';

/** Splits the body's items, sends the even ones on and fails the odd ones at a calculate node. */
const orders = flow(
  'Orders',
  [
    node('in', 'apiInput'),
    node('split', 'split', { expression: '$parseJson(body).items' }),
    node('even', 'gateway', { condition: 'n % 2 = 0' }),
    node('calc', 'calculate', { attributes: [{ name: 'half', expression: '$error("odd number " & $string(n))' }] }),
    node('key', 'calculate', { attributes: [{ name: 'key', expression: '_datasource.Key' }] }),
    node('o', 'output', { attributes: ['n', 'key'] }, 'result'),
  ],
  ['in->split', 'split->even', 'even.true->key', 'even.false->calc', 'calc->o', 'key->o'],
);

async function ordersServer() {
  const server = await serverWith({ App: { actionflows: [orders] } });
  expect((await admin(server, 'POST', '/security/secret-keys', { name: 'Key', value: SECRET })).status).toBe(201);
  return server;
}

const call = (server: { url: string }, items: number[], headers: Record<string, string> = {}) =>
  send(server.url, '/phixflow/api/1/action/App/Orders/trigger', {
    body: JSON.stringify({ items: items.map((n) => ({ n })) }),
    headers: { 'content-type': 'application/json', ...headers },
  });

describe('the trace of a run in the console', () => {
  it('counts the records that crossed each connection, keeps each node’s first records in and out, and names the failing node', async () => {
    const server = await ordersServer();
    await call(server, [1, 2, 3, 4, 6]);
    const [summary] = (await entries(server)).entries;
    const reply = await admin(server, 'GET', `/console/entries/${summary!.id}/trace`);
    expect(reply.status).toBe(200);
    const { entry, trace } = reply.body;
    expect(entry).toBe(summary!.id);
    expect(trace).toMatchObject({ application: 'App', actionflow: 'Orders', revision: 1 });
    expect(trace.connections).toEqual({ 'in->split': 1, 'split->even': 5, 'even.true->key': 3, 'even.false->calc': 2, 'key->o': 3 });
    expect(trace.nodes.even).toMatchObject({ inputCount: 5, outputCount: 5, errorCount: 0 });
    expect(trace.nodes.even.output.map((sent: { point: string }) => sent.point)).toEqual(['false', 'true', 'false', 'true', 'true']);
    expect(trace.nodes.calc).toMatchObject({ inputCount: 2, outputCount: 0, errorCount: 2 });
    expect(trace.nodes.calc.input).toMatchObject([{ n: 1 }, { n: 3 }]);
    expect(trace.nodes.calc.error).toMatch(/odd number 1/);
    expect(trace.failure).toEqual({ node: 'calc', message: trace.nodes.calc.error });
    expect(trace.nodes.o).toMatchObject({ inputCount: 3, outputCount: 0 });
    expect(trace.nodes.in).toMatchObject({ input: [{}], outputCount: 1 });
  });

  it('keeps the first 20 records of a node, and counts them all', async () => {
    const server = await ordersServer();
    await call(
      server,
      Array.from({ length: 50 }, (_, index) => index * 2),
    );
    const [summary] = (await entries(server)).entries;
    const { trace } = (await admin(server, 'GET', `/console/entries/${summary!.id}/trace`)).body;
    expect(trace.connections['split->even']).toBe(50);
    expect(trace.nodes.even.input).toHaveLength(20);
    expect(trace.nodes.even.input[19]).toMatchObject({ n: 38 });
    expect(trace.failure).toBeNull();
  });

  it('masks secret values and authorization headers in the records, as the console does', async () => {
    const server = await ordersServer();
    await call(server, [2], { authorization: 'Bearer caller-credential-123456' });
    const [summary] = (await entries(server)).entries;
    const text = JSON.stringify((await admin(server, 'GET', `/console/entries/${summary!.id}/trace`)).body);
    expect(text).toContain('"key":"****"');
    expect(text).not.toContain(SECRET);
    expect(text).not.toContain('caller-credential-123456');
  });

  it('shows a large value each record of a split carries in every record, and stores it once', async () => {
    const server = await ordersServer();
    const note = `a note long enough to be stored once: ${'x'.repeat(400)}`;
    const reply = await send(server.url, '/phixflow/api/1/action/App/Orders/trigger', {
      body: JSON.stringify({ note, items: [2, 4, 6, 8].map((n) => ({ n })) }),
      headers: { 'content-type': 'application/json' },
    });
    expect(reply.status).toBe(200);
    const [summary] = (await entries(server)).entries;
    const { trace } = (await admin(server, 'GET', `/console/entries/${summary!.id}/trace`)).body;
    expect(trace.nodes.even.input).toHaveLength(4);
    for (const record of trace.nodes.even.input) expect(JSON.parse(record.body).note).toBe(note);
    expect(trace.nodes.key.output.map((sent: { record: { n: number } }) => sent.record.n)).toEqual([2, 4, 6, 8]);
    const stored = server.stores.db.prepare<[number], { trace: string }>('SELECT trace FROM console_entries WHERE id = ?').get(summary!.id)!.trace;
    expect(stored.split('x'.repeat(400)).length - 1).toBe(1);
  });

  it('shows the records an aggregate gathered in full, as the node before it sent them', async () => {
    const gather = flow(
      'Gather',
      [
        node('in', 'apiInput'),
        node('split', 'split', { expression: '$parseJson(body).items' }),
        node('agg', 'aggregate', { into: 'lines' }),
        node('o', 'output', {}, 'result'),
      ],
      ['in->split', 'split->agg', 'agg->o'],
    );
    const server = await serverWith({ App: { actionflows: [gather] } });
    const items = [1, 2, 3].map((n) => ({ n, label: `line ${n} with a label long enough to be written once` }));
    const reply = await send(server.url, '/phixflow/api/1/action/App/Gather/trigger', {
      body: JSON.stringify({ items }),
      headers: { 'content-type': 'application/json' },
    });
    expect(reply.status).toBe(200);
    const [summary] = (await entries(server)).entries;
    const { trace } = (await admin(server, 'GET', `/console/entries/${summary!.id}/trace`)).body;
    const sent = trace.nodes.split.output.map((output: { record: unknown }) => output.record);
    expect(sent).toHaveLength(3);
    expect(sent[2]).toMatchObject(items[2]!);
    expect(trace.nodes.agg.output[0].record.lines).toEqual(sent);
    expect(trace.nodes.o.input[0].lines).toEqual(sent);
  });

  it('masks every credential header the records carry and credential values in their URLs', async () => {
    const server = await ordersServer();
    const reply = await send(server.url, '/phixflow/api/1/action/App/Orders/trigger?token=query-credential-5a6b7c', {
      body: JSON.stringify({ items: [{ n: 2 }] }),
      headers: { 'content-type': 'application/json', 'x-api-key': 'header-credential-8d9e0f', cookie: 'session=cookie-credential-1a2b3c' },
    });
    expect(reply.status).toBe(200);
    const [summary] = (await entries(server)).entries;
    const { trace } = (await admin(server, 'GET', `/console/entries/${summary!.id}/trace`)).body;
    expect(trace.nodes.in.output[0].record.headers).toMatchObject({ 'x-api-key': '****', cookie: '****' });
    const text = JSON.stringify(trace);
    expect(text).toContain('token=****');
    for (const credential of ['query-credential-5a6b7c', 'header-credential-8d9e0f', 'cookie-credential-1a2b3c']) expect(text).not.toContain(credential);
  });

  it('has no trace for a call refused before its run, and says when the entry is unknown', async () => {
    const server = await serverWith({ App: { actionflows: [{ ...orders, api: { allowAnonymous: false } }] } });
    expect((await call(server, [2])).status).toBe(401);
    const [summary] = (await entries(server)).entries;
    expect((await admin(server, 'GET', `/console/entries/${summary!.id}/trace`)).body).toEqual({ entry: summary!.id, trace: null });
    const unknown = await admin(server, 'GET', '/console/entries/999999/trace');
    expect(unknown.status).toBe(404);
    expect(JSON.stringify(unknown.body)).toMatch(/no console entry/);
  });
});
