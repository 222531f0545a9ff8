import { describe, expect, it } from 'vitest';
import type { SecretResolver } from '../../../server/security/secret-resolver.js';
import { json, localHttpServer } from '../engine/local-http-server.js';
import { appServerWith, flow, node, post } from './api-fixtures.js';

const SECRET = 'tok-7f3a9c-do-not-show';

const fakeSecrets: SecretResolver = {
  valueOf: (name) => {
    if (name === 'CrmToken') return SECRET;
    throw new Error(`secret key "${name}" is unknown`);
  },
};

describe('_datasource over HTTP', () => {
  it('reaches the called service but never a reply: not through $keys, an output, a debug, an error or a response', async () => {
    const crm = await localHttpServer((request, response) => json(response, { sawAuthorization: request.headers.authorization, sawQuery: request.url }));
    const uses = flow(
      'Uses Secret',
      [
        node('in', 'apiInput'),
        node('k', 'calculate', { attributes: [{ name: 'keys', expression: '$keys($)' }] }),
        node('h', 'http', {
          url: `${crm.url}/customers?key=\${_datasource.CrmToken}`,
          headers: [{ name: 'Authorization', value: 'Bearer ${_datasource.CrmToken}' }],
          outputs: [
            { name: 'echoed', path: '$.sawAuthorization' },
            { name: 'query', path: '$.sawQuery' },
          ],
        }),
        node('d', 'debug', {}),
        node('o', 'output', {}, 'result'),
      ],
      ['in->k', 'k->h', 'h->d', 'd->o'],
    );
    const fails = flow(
      'Fails With Secret',
      [node('in', 'apiInput'), node('e', 'error', { message: '"rejected with " & _datasource.CrmToken' }), node('o', 'output', {}, 'result')],
      ['in->e', 'e->o'],
    );
    const responds = flow(
      'Responds With Secret',
      [node('in', 'apiInput'), node('r', 'response', { headers: '{"X-Token": _datasource.CrmToken}', body: '{"token": _datasource.CrmToken}' })],
      ['in->r'],
    );
    const unknown = flow(
      'Unknown Secret',
      [
        node('in', 'apiInput'),
        node('c', 'calculate', { attributes: [{ name: 'token', expression: '_datasource.Nope' }] }, 'Use It'),
        node('o', 'output', {}, 'result'),
      ],
      ['in->c', 'c->o'],
    );
    const app = await appServerWith({ App: { actionflows: [uses, fails, responds, unknown] } }, { secrets: fakeSecrets });

    const used = await post(app.url, 'App', 'Uses Secret', {});
    expect(crm.seen[0]!.headers.authorization).toBe(`Bearer ${SECRET}`);
    expect(used.status).toBe(200);
    expect(used.body.data.result[0].keys).toEqual(['body', 'headers', 'contentType', 'url']);
    expect(used.body.data.result[0].echoed).toBe('Bearer ****');

    const failed = await post(app.url, 'App', 'Fails With Secret', {});
    expect(failed.body).toMatchObject({ status: 'Fail', message: 'rejected with ****' });

    const responded = await post(app.url, 'App', 'Responds With Secret', {});
    expect(responded.body).toEqual({ token: '****' });
    expect(responded.headers['x-token']).toBe('****');

    const missing = await post(app.url, 'App', 'Unknown Secret', {});
    expect(missing.status).toBe(500);
    expect(missing.body).toMatchObject({ status: 'Fail', message: 'attribute "token": secret key "Nope" is unknown', errors: [{ node: 'Use It' }] });

    for (const reply of [used, failed, responded, missing]) {
      const seen = reply.text + JSON.stringify(reply.headers);
      expect(seen).not.toContain(SECRET);
      expect(seen).not.toContain('_datasource');
    }
  });
});
