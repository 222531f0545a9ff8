import { describe, expect, it } from 'vitest';
import { admin } from '../../support/running-server.js';
import { localHttpServer } from '../engine/local-http-server.js';
import { flow, node, post, send, serverWith, trigger } from './api-fixtures.js';

const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

const halving = flow(
  'Halve',
  [
    node('in', 'apiInput'),
    node('s', 'split', { expression: '$parseJson(body).items' }),
    node('c', 'calculate', { attributes: [{ name: 'half', expression: 'item = 0 ? $error("cannot halve zero") : item / 2' }] }, 'Half'),
    node('o', 'output', { attributes: ['item', 'half'] }, 'halves'),
  ],
  ['in->s', 's->c', 'c->o'],
);

const slowFlow = (url: string) => flow('Slow', [node('in', 'apiInput'), node('h', 'http', { url }, 'Call'), node('o', 'output', {}, 'r')], ['in->h', 'h->o']);

describe('replies (DESIGN §5, in their order)', () => {
  it('answers 504 Aborted when the timeout passes first, and cancels the outgoing call', async () => {
    const slow = await localHttpServer(() => {
      // Never answers.
    });
    const server = await serverWith({ App: { actionflows: [slowFlow(`${slow.url}/wait`)] } });
    const reply = await post(server.url, 'App', 'Slow', {}, '?timeout=2000');
    expect(reply.status).toBe(504);
    expect(reply.body).toEqual({ status: 'Aborted', processId: expect.stringMatching(UUID_V4), message: 'timed out after 2000 ms' });
    expect(slow.seen).toHaveLength(1);
    expect(await slow.seen[0]!.abandoned).toBe(true);
  });

  it('answers 503 Aborted "stopped" when the run is stopped from the console', async () => {
    const slow = await localHttpServer(() => {
      // Never answers.
    });
    const server = await serverWith({ App: { actionflows: [slowFlow(`${slow.url}/wait`)] } });
    const pending = post(server.url, 'App', 'Slow', {});
    await expect.poll(() => slow.seen.length, { timeout: 10_000 }).toBe(1);
    const entries = await admin(server, 'GET', '/console/entries?status=Running');
    const [running] = entries.body.entries;
    expect((await admin(server, 'POST', `/console/entries/${running.id}/stop`)).status).toBe(202);
    const reply = await pending;
    expect(reply.status).toBe(503);
    expect(reply.body).toEqual({ status: 'Aborted', processId: running.processId, message: 'stopped' });
    expect(await slow.seen[0]!.abandoned).toBe(true);
  });

  it('answers 500 Fail with the first error when records failed and none completed', async () => {
    const server = await serverWith({ App: { actionflows: [halving] } });
    const reply = await post(server.url, 'App', 'Halve', { items: [0, 0] });
    expect(reply.status).toBe(500);
    expect(reply.body).toMatchObject({ status: 'Fail', processId: expect.stringMatching(UUID_V4), message: 'cannot halve zero' });
    expect(reply.body.errors).toEqual([
      { node: 'Half', message: 'cannot halve zero', record: expect.objectContaining({ item: 0 }) },
      { node: 'Half', message: 'cannot halve zero', record: expect.objectContaining({ item: 0 }) },
    ]);
  });

  it('answers 400 "no record returned" with an empty list per output when a filter drops every record', async () => {
    const server = await serverWith({
      App: {
        actionflows: [
          flow(
            'Nothing',
            [
              node('in', 'apiInput'),
              node('s', 'split', { expression: '[1, 2, 3]' }),
              node('f', 'filter', { condition: 'item > 10' }),
              node('a', 'output', {}, 'big'),
              node('b', 'output', {}, 'alsoBig'),
              node('u', 'output', {}, 'unconnected'),
            ],
            ['in->s', 's->f', 'f->a', 'f->b'],
          ),
        ],
      },
    });
    const reply = await post(server.url, 'App', 'Nothing', {});
    expect(reply.status).toBe(400);
    expect(reply.body).toEqual({ status: 'Fail', processId: expect.stringMatching(UUID_V4), message: 'no record returned', data: { big: [], alsoBig: [] } });
  });

  it('answers 200 Success with the data and the errors when one record of three fails', async () => {
    const server = await serverWith({ App: { actionflows: [halving] } });
    const reply = await post(server.url, 'App', 'Halve', { items: [4, 0, 6] });
    expect(reply.status).toBe(200);
    expect(reply.body).toEqual({
      status: 'Success',
      processId: expect.stringMatching(UUID_V4),
      data: {
        halves: [
          { item: 4, half: 2 },
          { item: 6, half: 3 },
        ],
      },
      errors: [{ node: 'Half', message: 'cannot halve zero', record: expect.objectContaining({ item: 0, body: '{"items":[4,0,6]}' }) }],
    });
  });

  it('answers 200 Success with data {} when no output is connected, and without errors when none failed', async () => {
    const server = await serverWith({ App: { actionflows: [flow('Quiet', [node('in', 'apiInput'), node('d', 'debug', {})], ['in->d'])] } });
    const reply = await post(server.url, 'App', 'Quiet', {});
    expect(reply.status).toBe(200);
    expect(reply.body).toEqual({ status: 'Success', processId: expect.stringMatching(UUID_V4), data: {} });
    expect(reply.headers['content-type']).toBe('application/json; charset=utf-8');
  });

  it('sends the reply of a response node as it is, even when other records failed', async () => {
    const server = await serverWith({
      App: {
        actionflows: [
          flow(
            'Custom',
            [
              node('in', 'apiInput'),
              node('s', 'split', { expression: '[0, 1, 2]' }),
              node('g', 'gateway', { condition: 'item > 0' }),
              node('e', 'error', { message: '"zero"' }),
              node('r', 'response', {
                statusCode: '201',
                headers: '{"X-First": $string(item), "Transfer-Encoding": "chunked"}',
                contentType: '"text/csv"',
                body: '"item\\n" & item',
              }),
            ],
            ['in->s', 's->g', 'g.true->r', 'g.false->e'],
          ),
        ],
      },
    });
    const reply = await post(server.url, 'App', 'Custom', {});
    expect(reply.status).toBe(201);
    expect(reply.text).toBe('item\n1');
    expect(reply.headers['content-type']).toBe('text/csv');
    expect(reply.headers['x-first']).toBe('1');
    expect(reply.headers['transfer-encoding']).toBeUndefined();
    expect(reply.headers['content-length']).toBe('6');
  });

  it('sends an object body of a response node as JSON', async () => {
    const server = await serverWith({
      App: { actionflows: [flow('Obj', [node('in', 'apiInput'), node('r', 'response', { body: '{"echo": $parseJson(body)}' })], ['in->r'])] },
    });
    const reply = await post(server.url, 'App', 'Obj', { a: [1] });
    expect(reply.status).toBe(200);
    expect(reply.headers['content-type']).toBe('application/json');
    expect(reply.body).toEqual({ echo: { a: [1] } });
  });

  it('never reflects the caller’s headers or content type when the response node has no expression for them', async () => {
    const server = await serverWith({
      App: { actionflows: [flow('Echo', [node('in', 'apiInput'), node('r', 'response', {})], ['in->r'])] },
    });
    const reply = await send(server.url, trigger('App', 'Echo'), {
      body: 'hello',
      headers: { cookie: 'session=secret123', authorization: 'Bearer SUPERSECRET-TOKEN-987', 'content-type': 'application/xml', 'x-custom': 'mine' },
    });
    expect(reply.status).toBe(200);
    expect(reply.text).toBe('hello');
    expect(reply.headers['content-type']).toBe('text/plain; charset=utf-8');
    expect(reply.headers['set-cookie']).toBeUndefined();
    expect(reply.headers.cookie).toBeUndefined();
    expect(reply.headers.authorization).toBeUndefined();
    expect(reply.headers['x-custom']).toBeUndefined();
  });
});
