import { describe, expect, it } from 'vitest';
import { keyedServer, trigger } from '../security/http-calls.js';
import { entries, entry } from './console-fixtures.js';

describe('console entries of keyed endpoints', () => {
  it('records the key’s user for a run, and a 403 as a refused call by that user with its reason, the key masked', async () => {
    const { server, key } = await keyedServer();
    const run = await trigger(server, 'Demo', 'Keyed', key);
    expect(run.status).toBe(200);
    const forbidden = await trigger(server, 'Other', 'Keyed', `Bearer ${key}`);
    expect(forbidden.status).toBe(403);

    const [refused, ran] = (await entries(server)).entries;
    expect(ran).toMatchObject({ processId: run.body.processId, application: 'Demo', user: 'alice', status: 'Success' });
    expect(refused).toMatchObject({
      processId: null,
      application: 'Other',
      user: 'alice',
      status: 'Refused',
      reason: forbidden.body.message,
      reply: { status: 403 },
    });
    const detail = await entry(server, refused!.id);
    expect(detail.messages[0]!.details).toMatchObject({ headers: { authorization: '****' } });
    expect(JSON.stringify(detail)).not.toContain(key);
  });
});
