import { describe, expect, it } from 'vitest';
import { pollPath } from '../../../shared/urls.js';
import { adminCall, adminKey, keyedServer, trigger } from '../security/http-calls.js';
import { send } from './api-fixtures.js';

describe('polling a run of a keyed endpoint', () => {
  it('answers only the user who started it; another user, no key or a bad key get 404, never 401 or 403', async () => {
    const { server, key: aliceKey } = await keyedServer();
    await adminCall(server, 'POST', '/security/users', { name: 'bob' });
    expect((await adminCall(server, 'PUT', '/security/user-groups/API%20Users', { users: ['alice', 'bob'] })).status).toBe(200);
    const { key: bobKey } = await adminKey(server, 'bob');

    const run = await trigger(server, 'Demo', 'Keyed', aliceKey);
    expect(run.status).toBe(200);
    const path = pollPath({ application: 'Demo', actionflow: 'Keyed' }, run.body.processId);
    const pollAs = (authorization?: string) => send(server.url, path, { method: 'GET', headers: authorization === undefined ? {} : { authorization } });

    expect(await pollAs(aliceKey)).toMatchObject({ status: 200, body: { processId: run.body.processId, status: 'Success' } });
    expect((await pollAs(`Bearer ${aliceKey}`)).status).toBe(200);
    for (const [who, authorization] of [
      ['bob', bobKey],
      ['nobody', undefined],
      ['a forged key', `${aliceKey.slice(0, -4)}AAAA`],
      ['garbage', 'Bearer nope'],
    ] as const) {
      const reply = await pollAs(authorization);
      expect(reply.status, who).toBe(404);
      expect(reply.body).toEqual({ status: 'Fail', message: `no process "${run.body.processId}" is known for this actionflow` });
    }
    // The same run under another application's flow of the same name is not found either.
    expect(
      (
        await send(server.url, pollPath({ application: 'Other', actionflow: 'Keyed' }, run.body.processId), {
          method: 'GET',
          headers: { authorization: aliceKey },
        })
      ).status,
    ).toBe(404);
  });
});
