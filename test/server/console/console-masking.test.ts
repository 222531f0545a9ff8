import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { flow, node, send, serverWith } from '../api/api-fixtures.js';
import { json, localHttpServer } from '../engine/local-http-server.js';
import { admin } from '../../support/running-server.js';
import { entries, entry } from './console-fixtures.js';

const INNER = `inner-${randomBytes(6).toString('hex')}`;
/** A secret value that contains another: masking the inner one first would leave this one's ends in sight. */
const OUTER = `outer-${INNER}-tail-${randomBytes(6).toString('hex')}`;
const UNUSED = `unused-${randomBytes(6).toString('hex')}`;

describe('masking in the console', () => {
  it('masks every stored secret value at any depth, longest first, and every authorization header, in the list and the entry', async () => {
    const service = await localHttpServer((request, response) => json(response, { authorization: request.headers.authorization, echoed: request.body, nested: { deep: [INNER] } }));
    const calling = flow(
      'Calls',
      [
        node('in', 'apiInput'),
        node('h', 'http', {
          method: 'POST',
          url: `${service.url}/echo`,
          headers: [{ name: 'Authorization', value: 'Bearer ${_datasource.Outer}' }],
          body: '{"token": "${_datasource.Inner}"}',
          outputs: [{ name: 'reply', path: '$' }],
        }),
        node('d', 'debug', { label: 'after the call' }),
        node('c', 'calculate', { attributes: [{ name: 'said', expression: `$warning("saw ${UNUSED}")` }] }),
        node('o', 'output', { attributes: ['said'] }, 'result'),
      ],
      ['in->h', 'h->d', 'd->c', 'c->o'],
    );
    const server = await serverWith({ App: { actionflows: [calling] } });
    for (const [name, value] of [['Inner', INNER], ['Outer', OUTER], ['Unused', UNUSED]]) {
      expect((await admin(server, 'POST', '/security/secret-keys', { name, value })).status).toBe(201);
    }

    const reply = await send(server.url, `/phixflow/api/1/action/App/Calls/trigger?token=${OUTER}`, {
      body: JSON.stringify({ mine: OUTER, list: [{ deeper: INNER }] }),
      headers: { 'content-type': 'application/json', authorization: `Bearer ${UNUSED}`, 'x-token': OUTER },
    });
    expect(reply.status).toBe(200);
    expect(service.seen[0]!.headers.authorization).toBe(`Bearer ${OUTER}`);

    const [summary] = (await entries(server)).entries;
    const stored = await entry(server, summary!.id);
    const everything = JSON.stringify([summary, stored]);
    for (const part of [INNER, OUTER, UNUSED, '-tail-', 'outer-']) expect(everything).not.toContain(part);
    expect(stored.request.url).toContain('token=****');
    expect(stored.messages[0]!.details).toMatchObject({ headers: { authorization: '****', 'x-token': '****' } });
    const call = stored.messages.find((message) => message.kind === 'Response' && message.text.includes('/echo'));
    expect(call!.details).toMatchObject({ status: 200 });
    expect((call!.details as { body: string }).body).toContain('"authorization":"Bearer ****"');
    expect(stored.messages.map((message) => message.kind)).toEqual(['Request', 'Response', 'Debug', 'Warning', 'Response']);
  });
});
