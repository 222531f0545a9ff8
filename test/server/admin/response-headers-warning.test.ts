import { describe, expect, it } from 'vitest';
import { flow, node, send, serverWith, trigger } from '../api/api-fixtures.js';
import { admin } from '../../support/running-server.js';

const withHeaders = (responseConfig: Record<string, unknown>) =>
  flow(
    'Reply',
    [
      node('in', 'apiInput', undefined, 'In'),
      node('c', 'calculate', { attributes: [{ name: 'headers', expression: '{"x-made": "here"}' }] }, 'Make Headers'),
      node('r', 'response', { body: '"ok"', ...responseConfig }, 'Answer'),
    ],
    ['in->c', 'c->r'],
  );

describe('a response node below a node that sets headers', () => {
  it('warns on save when the response has no Headers expression, and sends none of them', async () => {
    const server = await serverWith({ App: { actionflows: [withHeaders({})] } });
    const saved = await admin(server, 'PUT', '/applications/App/actionflows/Reply', { baseRevision: 1, flow: withHeaders({}) });
    expect(saved.status).toBe(200);
    expect(saved.body.check.warnings).toContainEqual({
      path: '$.nodes[2].config',
      nodeId: 'r',
      message:
        '"Answer" has no Headers expression, so the "headers" that "Make Headers" sets are not sent (a response sends only the headers its own expression gives); set Headers to headers to send them',
    });
    const reply = await send(server.url, trigger('App', 'Reply'), { method: 'GET', headers: { cookie: 'session=secret123' } });
    expect(reply.headers['x-made']).toBeUndefined();
    expect(reply.headers.cookie).toBeUndefined();
  });

  it('does not warn, and sends them, when the Headers expression says so', async () => {
    const server = await serverWith({ App: { actionflows: [withHeaders({ headers: 'headers' })] } });
    const saved = await admin(server, 'PUT', '/applications/App/actionflows/Reply', { baseRevision: 1, flow: withHeaders({ headers: 'headers' }) });
    expect(saved.body.check.warnings).toEqual([]);
    expect((await send(server.url, trigger('App', 'Reply'), { method: 'GET' })).headers['x-made']).toBe('here');
  });
});
