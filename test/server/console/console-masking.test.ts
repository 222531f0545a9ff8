import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
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
    const service = await localHttpServer((request, response) =>
      json(response, { authorization: request.headers.authorization, echoed: request.body, nested: { deep: [INNER] } }),
    );
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
    for (const [name, value] of [
      ['Inner', INNER],
      ['Outer', OUTER],
      ['Unused', UNUSED],
    ]) {
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

describe('masking a secret value as short as a digit', () => {
  it('keeps the entry, its messages and its run readable, the numbers as they were and the value masked in texts', async () => {
    const counting = flow(
      'Counts',
      [
        node('in', 'apiInput'),
        node('c', 'calculate', {
          attributes: [
            { name: 'total', expression: '200' },
            { name: 'said', expression: '"code 2"' },
          ],
        }),
        node('d', 'debug', { label: 'counted' }),
        node('o', 'output', { attributes: ['total', 'said'] }, 'result'),
      ],
      ['in->c', 'c->d', 'd->o'],
    );
    const server = await serverWith({ App: { actionflows: [counting] } });
    expect((await admin(server, 'POST', '/security/secret-keys', { name: 'Digit', value: '2' })).status).toBe(201);

    expect(
      (await send(server.url, '/phixflow/api/1/action/App/Counts/trigger', { body: '{"n":12}', headers: { 'content-type': 'application/json' } })).status,
    ).toBe(200);

    const [summary] = (await entries(server)).entries;
    const stored = await entry(server, summary!.id);
    const debug = stored.messages.find((message) => message.kind === 'Debug');
    expect(debug!.details).toMatchObject({ value: { total: 200, said: 'code ****' } });
    const trace = await admin(server, 'GET', `/console/entries/${summary!.id}/trace`);
    expect(trace.status).toBe(200);
    expect(JSON.stringify(trace.body)).toContain('"total":200');
  });
});

/** A distinct credential value per header, long enough to be masked by value. */
const credential = (label: string) => `${label}-${randomBytes(9).toString('hex')}`;

/** Every file of the database as bytes on disk: studio.db and its write-ahead log. */
function databaseBytes(dataDir: string): Buffer {
  return Buffer.concat(['studio.db', 'studio.db-wal'].filter((name) => existsSync(join(dataDir, name))).map((name) => readFileSync(join(dataDir, name))));
}

describe('masking credentials where console messages are made (DESIGN §6)', () => {
  it('stores no request or outgoing credential in studio.db or its WAL, in any form, while the flow sees the real values', async () => {
    const bearer = credential('BEARER');
    const session = credential('SESSION');
    const other = credential('OTHERCOOKIE');
    const apiKey = credential('APIKEY');
    const proxy = credential('PROXY');
    const accessToken = credential('ACCESSTOKEN');
    const queryKey = credential('QUERYKEY');
    const basicUser = 'svc-user';
    const basicPassword = session;
    const setCookie = credential('SETCOOKIE');
    const service = await localHttpServer((request, response) => {
      response.setHeader('set-cookie', `sid=${setCookie}; Path=/; HttpOnly`);
      json(response, { youSent: request.headers.authorization, cookieBack: setCookie });
    });
    const basic = `Basic ${Buffer.from(`${basicUser}:${basicPassword}`).toString('base64')}`;
    const leaky = flow(
      'Leaky',
      [
        node('in', 'apiInput'),
        node('d', 'debug', { expression: 'headers', label: 'headers' }),
        node('w', 'calculate', {
          attributes: [
            { name: 'warned', expression: '$warning("cookie " & headers.cookie & " key " & headers."x-api-key")' },
            {
              name: 'encoded',
              expression:
                '$debug([$base64encode($substringAfter(headers.authorization, "Bearer ")), $encodeUrlComponent($substringBefore($substringAfter(headers.cookie, "session="), ";")), url], "forms")',
            },
          ],
        }),
        node('h', 'http', {
          method: 'POST',
          url: `${service.url}/echo?access_token=\${$queryParams(url).access_token}`,
          // A password the flow derives (here from the session cookie) is masked in every form once it is sent.
          headers: [
            { name: 'Authorization', value: 'Basic ${$base64encode("svc-user:" & $substringBefore($substringAfter(headers.cookie, "session="), ";"))}' },
          ],
          body: '${headers}',
          outputs: [{ name: 'statusCode2', path: '$.youSent' }],
        }),
        node('r', 'response', { body: '{"authorization": $length(headers.authorization), "cookie": $length(headers.cookie)}' }),
      ],
      ['in->d', 'd->w', 'w->h', 'h->r'],
    );
    const server = await serverWith({ App: { actionflows: [leaky] } });

    const reply = await send(server.url, `/phixflow/api/1/action/App/Leaky/trigger?access_token=${accessToken}&key=${queryKey}&page=2`, {
      body: JSON.stringify({ note: `my key is ${apiKey}` }),
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${bearer}`,
        cookie: `session=${session}; other=${other}; short=abc`,
        'x-api-key': apiKey,
        'proxy-authorization': `Basic ${proxy}`,
      },
    });
    expect(reply.status).toBe(200);
    expect(reply.body).toEqual({ authorization: `Bearer ${bearer}`.length, cookie: `session=${session}; other=${other}; short=abc`.length });
    expect(service.seen[0]!.headers.authorization).toBe(basic);

    const [summary] = (await entries(server)).entries;
    const stored = await entry(server, summary!.id);
    expect(stored.request.url).toContain('access_token=****');
    expect(stored.request.url).toContain('key=****&page=2');
    expect(stored.messages.map((message) => message.kind)).toEqual(['Request', 'Debug', 'Warning', 'Debug', 'Response', 'Response']);
    expect(stored.messages[0]!.details).toMatchObject({
      headers: { authorization: '****', cookie: '****', 'x-api-key': '****', 'proxy-authorization': '****' },
    });
    expect(stored.messages[2]!.text).toBe('cookie session=****; other=****; short=abc key ****');

    const onDisk = databaseBytes(server.dataDir).toString('latin1');
    expect(onDisk).toContain('short=abc');
    const secrets = [bearer, session, other, apiKey, proxy, accessToken, queryKey, basicPassword, setCookie];
    const forms = secrets.flatMap((value) => [value, Buffer.from(value).toString('base64'), encodeURIComponent(value)]);
    forms.push(Buffer.from(`${basicUser}:${basicPassword}`).toString('base64'));
    for (const form of forms) expect(onDisk, form).not.toContain(form);
  });

  it('masks credentials of a refused call in its entry', async () => {
    const token = credential('REFUSED');
    const keyed = flow('Keyed', [node('in', 'apiInput'), node('o', 'output', {}, 'result')], ['in->o'], { allowAnonymous: false });
    const server = await serverWith({ App: { actionflows: [keyed] } });
    const reply = await send(server.url, `/phixflow/api/1/action/App/Keyed/trigger?apikey=${token}`, {
      body: '{}',
      headers: { cookie: `sid=${token}`, 'x-api-key': token },
    });
    expect(reply.status).toBe(401);
    await entries(server);
    expect(databaseBytes(server.dataDir).toString('latin1')).not.toContain(token);
  });
});
