import { describe, expect, it } from 'vitest';
import { flow, node, post, send, serverWith } from '../api/api-fixtures.js';
import { admin } from '../../support/running-server.js';
import { entries, entry, entryOfProcess } from './console-fixtures.js';

const checked = flow(
  'Checked',
  [
    node('in', 'apiInput'),
    node('s', 'split', { expression: '$parseJson(body).items' }),
    node('d', 'debug', { label: 'item' }),
    node('w', 'calculate', { attributes: [{ name: 'note', expression: 'item > 5 ? $warning("a big item") : "ok"' }] }),
    node('c', 'calculate', { attributes: [{ name: 'half', expression: 'item = 0 ? $error("cannot halve zero") : item / 2' }] }, 'Half'),
    node('o', 'output', { attributes: ['item', 'half'] }, 'halves'),
  ],
  ['in->s', 's->d', 'd->w', 'w->c', 'c->o'],
);

const keyed = flow('Keyed', [node('in', 'apiInput'), node('o', 'output', {}, 'result')], ['in->o'], { allowAnonymous: false });

describe('console entries (DESIGN §6)', () => {
  it('records a run: who, the request, the reply, its messages in order (Request first, the reply as sent last) and their counts', async () => {
    const server = await serverWith({ App: { actionflows: [checked] } });
    const reply = await post(server.url, 'App', 'Checked', { items: [2, 0, 8] }, '?trace=1');
    expect(reply.status).toBe(200);
    const found = await entryOfProcess(server, reply.body.processId);
    expect(found).toMatchObject({
      processId: reply.body.processId,
      application: 'App',
      actionflow: 'Checked',
      mode: 'sync',
      user: 'system',
      status: 'Success',
      request: {
        method: 'POST',
        url: expect.stringMatching(/\/phixflow\/api\/1\/action\/App\/Checked\/trigger\?trace=1$/),
        contentType: 'application/json',
        bytes: 17,
      },
      reply: { status: 200, bytes: Buffer.byteLength(reply.text) },
      reason: null,
      counts: { errors: 1, warnings: 1, debug: 3 },
      droppedMessages: 0,
    });
    expect(found.durationMs).toBeGreaterThanOrEqual(0);
    const kinds = found.messages.map((message) => message.kind);
    expect(kinds[0]).toBe('Request');
    expect(kinds.at(-1)).toBe('Response');
    expect(kinds.filter((kind) => kind === 'Debug')).toHaveLength(3);
    expect(found.messages.map((message) => message.seq)).toEqual(found.messages.map((_, index) => index + 1));
    expect(found.messages.find((message) => message.kind === 'Error')).toMatchObject({
      text: 'Half: cannot halve zero',
      details: { node: 'Half', record: { item: 0 } },
    });
    expect(found.messages.find((message) => message.kind === 'Warning')!.text).toBe('a big item');
    expect(found.messages[0]!.details).toMatchObject({ method: 'POST', body: '{"items":[2,0,8]}', headers: { 'content-type': 'application/json' } });
    expect(found.messages.at(-1)).toMatchObject({ text: '200 Success', details: { status: 200, body: reply.text } });
  });

  it('records calls refused before their run on a known flow (401, 413) with the reason, and none for an unknown flow', async () => {
    const server = await serverWith({ App: { actionflows: [keyed, checked] } }, { maxBodyBytes: 100 });
    const unauthorized = await send(server.url, '/phixflow/api/1/action/App/Keyed/trigger', { headers: { authorization: 'Bearer not-a-key' } });
    expect(unauthorized.status).toBe(401);
    const tooLarge = await post(server.url, 'App', 'Checked', { items: Array.from({ length: 100 }, (_, index) => index) });
    expect(tooLarge.status).toBe(413);
    expect((await post(server.url, 'App', 'Missing', {})).status).toBe(404);

    const page = await entries(server, '?status=Refused');
    expect(page.entries.map((summary) => [summary.actionflow, summary.reply?.status])).toEqual([
      ['Checked', 413],
      ['Keyed', 401],
    ]);
    const refused = await entry(server, page.entries[1]!.id);
    expect(refused).toMatchObject({ processId: null, user: null, status: 'Refused', reason: unauthorized.body.message, reply: { status: 401 } });
    expect(refused.messages.map((message) => message.kind)).toEqual(['Request', 'Response']);
    expect(refused.messages[0]!.details).toMatchObject({ headers: { authorization: '****' } });
    expect(JSON.stringify(refused)).not.toContain('not-a-key');
    expect((await entries(server)).entries.every((summary) => summary.actionflow !== 'Missing')).toBe(true);
  });

  it('keeps a body to 64 KiB, saying how large it was', async () => {
    const echo = flow('Echo', [node('in', 'apiInput'), node('o', 'output', {}, 'r')], ['in->o']);
    const server = await serverWith({ App: { actionflows: [echo] } });
    const big = 'x'.repeat(100 * 1024);
    const reply = await send(server.url, '/phixflow/api/1/action/App/Echo/trigger', { body: big, headers: { 'content-type': 'text/plain' } });
    expect(reply.status).toBe(200);
    const found = await entryOfProcess(server, reply.body.processId);
    const request = found.messages[0]!.details as { body: string; bytes: number };
    expect(request.bytes).toBe(big.length);
    expect(Buffer.byteLength(request.body)).toBeLessThanOrEqual(64 * 1024 + 3);
    expect(request.body.endsWith('…')).toBe(true);
  });

  it('keeps an entry to 500 messages, counting the ones dropped and keeping the reply', async () => {
    const many = flow(
      'Many',
      [node('in', 'apiInput'), node('s', 'split', { expression: '[1..600]' }), node('d', 'debug'), node('o', 'output', {}, 'r')],
      ['in->s', 's->d', 'd->o'],
    );
    const server = await serverWith({ App: { actionflows: [many] } });
    const reply = await send(server.url, '/phixflow/api/1/action/App/Many/trigger', { body: 'small', headers: { 'content-type': 'text/plain' } });
    expect(reply.status).toBe(200);
    const found = await entryOfProcess(server, reply.body.processId);
    expect(found.messages).toHaveLength(501);
    expect(found.droppedMessages).toBe(101);
    expect(found.counts.debug).toBe(600);
    expect(found.messages.at(-1)!.kind).toBe('Response');
  });

  it('lists newest first with filters and paging', async () => {
    const server = await serverWith({ A: { actionflows: [checked] }, B: { actionflows: [{ ...checked, name: 'Other' }] } });
    await post(server.url, 'A', 'Checked', { items: [1] });
    const failed = await post(server.url, 'A', 'Checked', { items: [0] });
    await post(server.url, 'B', 'Other', { items: [3] });
    await post(server.url, 'A', 'Checked', { items: [4] }, '?needle=findme');

    const all = await entries(server);
    expect(all.entries.map((summary) => summary.application)).toEqual(['A', 'B', 'A', 'A']);
    expect(all.nextBefore).toBeNull();
    expect((await entries(server, '?application=B')).entries.map((summary) => summary.actionflow)).toEqual(['Other']);
    expect((await entries(server, '?actionflow=Checked&status=Fail')).entries).toHaveLength(1);
    expect((await entries(server, '?q=findme')).entries).toHaveLength(1);
    expect((await entries(server, '?q=cannot%20halve')).entries.map((summary) => summary.status)).toEqual(['Fail']);
    expect((await entries(server, `?q=${failed.body.processId}`)).entries.map((summary) => summary.processId)).toEqual([failed.body.processId]);

    const first = await entries(server, '?limit=3');
    expect(first.entries).toHaveLength(3);
    expect(first.nextBefore).toBe(first.entries[2]!.id);
    const second = await entries(server, `?limit=3&before=${first.nextBefore}`);
    expect(second.entries.map((summary) => summary.id)).toEqual([all.entries[3]!.id]);
    expect(second.nextBefore).toBeNull();
  });

  it('answers 400 listing each problem for bad filters, and 404 for an unknown entry', async () => {
    const server = await serverWith({ App: { actionflows: [checked] } });
    const bad = await admin(server, 'GET', '/console/entries?status=Bogus&limit=0&before=-3&colour=red');
    expect(bad.status).toBe(400);
    expect(bad.body.message).toBe('the console query is not valid');
    expect(bad.body.problems.map((problem: { path: string }) => problem.path).sort()).toEqual(['$', '$.before', '$.limit', '$.status']);
    expect((await admin(server, 'GET', '/console/entries?limit=abc')).status).toBe(400);
    expect((await admin(server, 'GET', '/console/entries?status=Success&status=Fail')).status).toBe(400);
    expect((await admin(server, 'GET', '/console/entries/999')).status).toBe(404);
    expect((await admin(server, 'GET', '/console/entries/abc')).status).toBe(404);
    expect((await admin(server, 'GET', '/console/entries/1?download=yes')).status).toBe(400);
  });

  it('downloads one entry as a JSON attachment', async () => {
    const server = await serverWith({ App: { actionflows: [checked] } });
    const reply = await post(server.url, 'App', 'Checked', { items: [1] });
    const { id } = await entryOfProcess(server, reply.body.processId);
    const downloaded = await admin(server, 'GET', `/console/entries/${id}?download=1`);
    expect(downloaded.status).toBe(200);
    expect(downloaded.headers.get('content-disposition')).toMatch(new RegExp(`^attachment; filename="?console-entry-${id}\\.json"?$`));
    expect(downloaded.body).toEqual(await entry(server, id));
  });

  it('needs the session token like every admin route', async () => {
    const server = await serverWith({ App: { actionflows: [checked] } });
    const response = await fetch(`${server.url}/_studio/api/v1/console/entries`);
    expect(response.status).toBe(401);
  });
});
