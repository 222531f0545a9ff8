import { describe, expect, it } from 'vitest';
import { flow, node, post, send, serverWith, trigger } from './api-fixtures.js';

const whole = flow(
  'Whole',
  [node('in', 'apiInput', { parameters: [{ name: 'size' }, { name: 'page', default: 1 }] }), node('o', 'output', {}, 'request')],
  ['in->o'],
);

const corsEcho = (name: string, origins: string[] | null) =>
  flow(name, [node('in', 'apiInput'), node('o', 'output', { attributes: ['body'] }, 'result')], ['in->o'], {
    allowAnonymous: true,
    cors: origins && { origins },
  });

describe('what reaches a flow', () => {
  it('hands the flow the body, lower-case headers (repeated ones as arrays), the content type, the complete URL and declared parameters', async () => {
    const server = await serverWith({ 'My Shop': { actionflows: [whole] } });
    const path = trigger('My Shop', 'Whole', '?size=3&size=4&other=x');
    const reply = await send(server.url, path, {
      body: 'hello',
      headers: { 'Content-Type': 'text/plain', 'X-Tag': ['a', 'b'], Authorization: 'Bearer anonymous-ok' },
    });
    expect(reply.status).toBe(200);
    const [record] = reply.body.data.request;
    expect(record).toMatchObject({
      body: 'hello',
      contentType: 'text/plain',
      url: `${server.url}/phixflow/api/1/action/My%20Shop/Whole/trigger?size=3&size=4&other=x`,
      size: ['3', '4'],
      page: 1,
      headers: { 'content-type': 'text/plain', 'x-tag': ['a', 'b'], authorization: 'Bearer anonymous-ok' },
    });
    expect(record).not.toHaveProperty('other');
  });

  it('hands a GET body to the flow, and "" when there is none', async () => {
    const server = await serverWith({ App: { actionflows: [whole] } });
    expect((await send(server.url, trigger('App', 'Whole'), { method: 'GET', body: 'in a GET' })).body.data.request[0].body).toBe('in a GET');
    const bare = await send(server.url, trigger('App', 'Whole'), { method: 'GET' });
    expect(bare.body.data.request[0]).toMatchObject({ body: '', contentType: '' });
  });

  it('decodes the body in the charset the Content-Type names', async () => {
    const server = await serverWith({ App: { actionflows: [whole] } });
    const reply = await send(server.url, trigger('App', 'Whole'), {
      body: Buffer.from('café', 'latin1'),
      headers: { 'content-type': 'text/plain; charset=ISO-8859-1' },
    });
    expect(reply.body.data.request[0].body).toBe('café');
  });

  it('runs the same endpoint by the version 11 and the version 10 URL, names percent-encoded and compared in NFC', async () => {
    const server = await serverWith({
      'Café Shop': { actionflows: [flow('Größe Prüfen', [node('in', 'apiInput'), node('o', 'output', { attributes: ['body'] }, 'r')], ['in->o'])] },
    });
    expect((await post(server.url, 'Café Shop', 'Größe Prüfen', 1)).body.data.r).toEqual([{ body: '1' }]);
    expect((await post(server.url, undefined, 'Größe Prüfen', 2)).body.data.r).toEqual([{ body: '2' }]);
    const decomposed = `/phixflow/api/1/action/${encodeURIComponent('Cafe\u0301 Shop')}/${encodeURIComponent('Größe Prüfen')}/trigger`;
    expect((await send(server.url, decomposed, { body: '3' })).body.data.r).toEqual([{ body: '3' }]);
  });

  it('answers at the instance named in the settings', async () => {
    const server = await serverWith({ App: { actionflows: [whole] } }, { instance: 'acme' });
    expect((await send(server.url, '/acme/api/1/action/App/Whole/trigger')).status).toBe(200);
    expect((await send(server.url, '/phixflow/api/1/action/App/Whole/trigger')).status).toBe(404);
  });

  it('leaves other paths to the designer and the admin API', async () => {
    const server = await serverWith({ App: { actionflows: [whole] } });
    expect((await send(server.url, '/_studio/api/1/action/App/Whole/trigger')).body).toEqual({
      status: 'Fail',
      message: 'nothing at POST /_studio/api/1/action/App/Whole/trigger',
    });
    expect((await send(server.url, '/_studio/api/v1/workspace', { method: 'GET' })).status).toBe(401);
    expect((await send(server.url, '/phixflow/api/2/action/App/Whole/trigger')).body.message).toBe('nothing at POST /phixflow/api/2/action/App/Whole/trigger');
  });
});

describe('CORS', () => {
  it('allows the listed origins on calls and preflights, and sends nothing to others or without cors', async () => {
    const server = await serverWith({ App: { actionflows: [corsEcho('Listed', ['https://app.example']), corsEcho('Any', ['*']), corsEcho('None', null)] } });
    const allowed = await send(server.url, trigger('App', 'Listed'), { headers: { origin: 'https://app.example' } });
    expect(allowed.headers['access-control-allow-origin']).toBe('https://app.example');
    expect(allowed.headers.vary).toBe('Origin');
    const other = await send(server.url, trigger('App', 'Listed'), { headers: { origin: 'https://evil.example' } });
    expect(other.status).toBe(200);
    expect(other.headers['access-control-allow-origin']).toBeUndefined();
    expect((await send(server.url, trigger('App', 'Any'), { headers: { origin: 'https://x.example' } })).headers['access-control-allow-origin']).toBe('*');
    expect(
      (await send(server.url, trigger('App', 'None'), { headers: { origin: 'https://app.example' } })).headers['access-control-allow-origin'],
    ).toBeUndefined();

    const preflight = await send(server.url, trigger('App', 'Listed'), {
      method: 'OPTIONS',
      headers: { origin: 'https://app.example', 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type, authorization' },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers).toMatchObject({
      'access-control-allow-origin': 'https://app.example',
      'access-control-allow-methods': 'GET, POST',
      'access-control-allow-headers': 'content-type, authorization',
    });
    const refused = await send(server.url, trigger('App', 'Listed'), { method: 'OPTIONS', headers: { origin: 'https://evil.example' } });
    expect(refused.status).toBe(405);
    expect((await send(server.url, trigger('App', 'None'), { method: 'OPTIONS', headers: { origin: 'https://app.example' } })).status).toBe(405);
  });

  it('sends the CORS headers on refusals after the flow is found, so a browser can read them', async () => {
    const server = await serverWith({ App: { actionflows: [corsEcho('Listed', ['https://app.example'])] } });
    const reply = await send(server.url, trigger('App', 'Listed', '?timeout=abc'), { headers: { origin: 'https://app.example' } });
    expect(reply.status).toBe(400);
    expect(reply.headers['access-control-allow-origin']).toBe('https://app.example');
  });
});
