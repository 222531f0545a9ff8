import type { ServerResponse } from 'node:http';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { localHttpServer } from '../engine/local-http-server.js';
import { flow, node, post, send, serverWith, trigger } from './api-fixtures.js';

const execFileAsync = promisify(execFile);

const echo = (name: string, api: Record<string, unknown> = { allowAnonymous: true }) =>
  flow(name, [node('in', 'apiInput'), node('o', 'output', { attributes: ['body', 'contentType'] }, 'result')], ['in->o'], api);

const parsing = flow(
  'Parse',
  [
    node('in', 'apiInput'),
    node('p', 'calculate', { attributes: [{ name: 'value', expression: '$parseJson(body).value' }] }, 'Read Body'),
    node('o', 'output', { attributes: ['value'] }, 'result'),
  ],
  ['in->p', 'p->o'],
);

/** Two applications; "Shared" is an endpoint in both; "Plain" is no endpoint; "Off" is disabled; "Keyed" needs a key. */
const workspace = {
  Shop: {
    actionflows: [
      echo('Echo'),
      parsing,
      echo('Shared'),
      flow('Plain', [node('in', 'apiInput'), node('o', 'output', {}, 'result')], ['in->o'], false),
      echo('Off', { allowAnonymous: true, enabled: false }),
      echo('Keyed', { allowAnonymous: false }),
    ],
  },
  Depot: { actionflows: [echo('Shared'), echo('Only Here')] },
};

const fail = (status: number, message: string | RegExp) => ({
  status,
  body: { status: 'Fail', message: typeof message === 'string' ? message : expect.stringMatching(message) },
});

describe('refusals before a run (DESIGN §5)', () => {
  it('answers 400 to malformed percent-encoding', async () => {
    const server = await serverWith(workspace);
    expect(await send(server.url, '/phixflow/api/1/action/Shop/Ec%E0%A4%A/trigger')).toMatchObject(fail(400, /malformed percent-encoding in "Ec%E0%A4%A"/));
    expect(await send(server.url, '/phixflow/api/1/action/Shop/%/trigger')).toMatchObject(fail(400, /malformed percent-encoding/));
  });

  it('answers 404 to an unknown instance, application or actionflow, a flow that is no endpoint and a disabled endpoint', async () => {
    const server = await serverWith(workspace);
    expect(await send(server.url, '/elsewhere/api/1/action/Shop/Echo/trigger')).toMatchObject(
      fail(404, 'there is no instance "elsewhere" here; the incoming API is at /phixflow/api/1/action/'),
    );
    expect(await post(server.url, 'Nowhere', 'Echo', {})).toMatchObject(fail(404, 'application "Nowhere" has no actionflow "Echo"'));
    expect(await post(server.url, 'Shop', 'Missing', {})).toMatchObject(fail(404, 'application "Shop" has no actionflow "Missing"'));
    expect(await post(server.url, 'Shop', 'Plain', {})).toMatchObject(fail(404, 'actionflow "Plain" of application "Shop" is not an API endpoint'));
    expect(await post(server.url, 'Shop', 'Off', {})).toMatchObject(fail(404, 'actionflow "Off" of application "Shop" is an API endpoint that is disabled'));
    expect(await post(server.url, undefined, 'Missing', {})).toMatchObject(fail(404, 'no application has an API endpoint called "Missing"'));
    expect(await send(server.url, '/phixflow/api/1/action/Shop/Echo/run')).toMatchObject(fail(404, /^nothing at \/phixflow\/api\/1\/action\/Shop\/Echo\/run/));
  });

  it('answers 409 naming the applications when a version 10 name belongs to more than one endpoint', async () => {
    const server = await serverWith(workspace);
    const reply = await post(server.url, undefined, 'Shared', {});
    expect(reply).toMatchObject(fail(409, /^actionflow "Shared" is an API endpoint in more than one application \("Depot", "Shop"\)/));
  });

  it('answers 405 with Allow: GET, POST to HEAD, PUT, DELETE and PATCH, and to OPTIONS without CORS', async () => {
    const server = await serverWith(workspace);
    for (const method of ['HEAD', 'PUT', 'DELETE', 'PATCH', 'OPTIONS']) {
      const reply = await send(server.url, trigger('Shop', 'Echo'), { method });
      expect({ method, status: reply.status, allow: reply.headers.allow }).toEqual({ method, status: 405, allow: 'GET, POST' });
      if (method !== 'HEAD') expect(reply.body).toMatchObject({ status: 'Fail', message: expect.any(String) });
    }
  });

  it('answers 401 to a keyed endpoint called without a key', async () => {
    const server = await serverWith(workspace);
    const reply = await post(server.url, 'Shop', 'Keyed', {});
    expect(reply).toMatchObject({ status: 401, body: { status: 'Fail', message: expect.stringContaining('API key') } });
  });

  it('answers 413 to a body over the limit, whether declared by Content-Length or sent chunked', async () => {
    const server = await serverWith(workspace, { maxBodyBytes: 1024 });
    const big = 'x'.repeat(4096);
    expect(await send(server.url, trigger('Shop', 'Echo'), { body: big })).toMatchObject(
      fail(413, 'the request body is larger than this server accepts (1024 bytes)'),
    );
    const chunked = await send(server.url, trigger('Shop', 'Echo'), { body: big, headers: { 'transfer-encoding': 'chunked' } });
    expect(chunked).toMatchObject(fail(413, 'the request body is larger than this server accepts (1024 bytes)'));
    expect((await send(server.url, trigger('Shop', 'Echo'), { body: 'x'.repeat(1024) })).status).toBe(200);
  });

  it('lets a client that sends the whole body first (Node’s own fetch, in its own process) read the 413, then closes the connection', async () => {
    const server = await serverWith(workspace, { maxBodyBytes: 1024 * 1024 });
    // In another process: a client in the server's own event loop never races the server's close.
    const client = `
      const replies = [];
      for (const size of [2 * 1024 * 1024, 12 * 1024 * 1024, 40 * 1024 * 1024]) {
        try {
          const response = await fetch(process.argv[1], { method: 'POST', body: 'x'.repeat(size) });
          replies.push({ size, status: response.status, connection: response.headers.get('connection'), body: await response.json() });
        } catch (error) {
          replies.push({ size, error: String(error.cause?.code ?? error.message) });
        }
      }
      console.log(JSON.stringify(replies));`;
    const { stdout } = await execFileAsync(process.execPath, ['--input-type=module', '-e', client, `${server.url}${trigger('Shop', 'Echo')}`], {
      timeout: 60_000,
    });
    const message = 'the request body is larger than this server accepts (1048576 bytes)';
    expect(JSON.parse(stdout)).toEqual(
      [2, 12, 40].map((mib) => ({ size: mib * 1024 * 1024, status: 413, connection: 'close', body: { status: 'Fail', message } })),
    );
    expect((await send(server.url, trigger('Shop', 'Echo'), { body: 'small' })).status).toBe(200);
  });

  it('answers 400 to a timeout of 0, -5, abc, 1e3, one given twice, one beyond the maximum, and an empty one', async () => {
    const server = await serverWith(workspace, { maxTimeoutMs: 10_000 });
    const refusals = {
      '?timeout=0': 'timeout must be a whole number of milliseconds from 1 to 10000, got "0"',
      '?timeout=-5': 'timeout must be a whole number of milliseconds from 1 to 10000, got "-5"',
      '?timeout=abc': 'timeout must be a whole number of milliseconds from 1 to 10000, got "abc"',
      '?timeout=1e3': 'timeout must be a whole number of milliseconds from 1 to 10000, got "1e3"',
      '?timeout=': 'timeout must be a whole number of milliseconds from 1 to 10000, got ""',
      '?timeout=100&timeout=200': 'timeout is given 2 times; give it once',
      '?timeout=10001': 'timeout 10001 is more than this server allows (10000 ms)',
    };
    for (const [query, message] of Object.entries(refusals)) {
      expect({ query, ...(await post(server.url, 'Shop', 'Echo', {}, query)) }).toMatchObject({ query, ...fail(400, message) });
    }
    expect((await post(server.url, 'Shop', 'Echo', {}, '?timeout=10000')).status).toBe(200);
  });

  it('checks in order: the URL, then auth, then the body, then the timeout', async () => {
    const server = await serverWith(workspace, { maxBodyBytes: 10 });
    const big = { body: 'x'.repeat(100) };
    expect((await send(server.url, trigger('Shop', 'Missing', '?timeout=abc'), big)).status).toBe(404);
    expect((await send(server.url, trigger(undefined, 'Shared', '?timeout=abc'), big)).status).toBe(409);
    expect((await send(server.url, trigger('Shop', 'Keyed', '?timeout=abc'), big)).status).toBe(401);
    expect((await send(server.url, trigger('Shop', 'Echo', '?timeout=abc'), big)).status).toBe(413);
    expect((await send(server.url, trigger('Shop', 'Echo', '?timeout=abc'), { body: 'small' })).status).toBe(400);
  });

  it('hands the body to the flow as text whatever the Content-Type claims, and fails the record where the flow parses JSON that is not', async () => {
    const server = await serverWith(workspace);
    const lying = await send(server.url, trigger('Shop', 'Echo'), { body: 'plain words', headers: { 'content-type': 'application/json' } });
    expect(lying.status).toBe(200);
    expect(lying.body.data.result).toEqual([{ body: 'plain words', contentType: 'application/json' }]);
    const notJson = await send(server.url, trigger('Shop', 'Parse'), { body: '{"value": ', headers: { 'content-type': 'application/json' } });
    expect(notJson.status).toBe(500);
    expect(notJson.body).toMatchObject({ status: 'Fail', message: expect.stringMatching(/^attribute "value": \$parseJson: the text is not valid JSON/) });
    expect(notJson.body.errors[0].node).toBe('Read Body');
    const textClaim = await send(server.url, trigger('Shop', 'Parse'), { body: '{"value": 7}', headers: { 'content-type': 'text/plain' } });
    expect(textClaim.body.data.result).toEqual([{ value: 7 }]);
  });

  it('answers 503 with Retry-After when the server has as many runs as it takes at once, running and waiting', async () => {
    const held: ServerResponse[] = [];
    const slow = await localHttpServer((_request, response) => held.push(response));
    const server = await serverWith(
      {
        ...workspace,
        Slow: {
          actionflows: [flow('Wait', [node('in', 'apiInput'), node('h', 'http', { url: `${slow.url}/` }), node('o', 'output', {}, 'r')], ['in->h', 'h->o'])],
        },
      },
      { maxConcurrentRuns: 1 },
    );
    const waiting = post(server.url, 'Slow', 'Wait', {});
    await expect.poll(() => held.length, { timeout: 10_000 }).toBe(1);
    expect(await post(server.url, 'Shop', 'Echo', {})).toMatchObject(fail(503, /^the server has as many runs as it takes at once \(1, running and waiting\)/));
    held[0]!.end('{}');
    expect((await waiting).status).toBe(200);
    expect((await post(server.url, 'Shop', 'Echo', {})).status).toBe(200);
  });

  it('keeps serving after every refusal and failure', async () => {
    const server = await serverWith(workspace);
    await send(server.url, '/phixflow/api/1/action/Shop/%ZZ/trigger');
    await send(server.url, trigger('Shop', 'Echo'), { method: 'PUT' });
    await post(server.url, 'Shop', 'Parse', 'not an object');
    const reply = await send(server.url, trigger('Shop', 'Echo'), { method: 'GET' });
    expect(reply.status).toBe(200);
  });
});
