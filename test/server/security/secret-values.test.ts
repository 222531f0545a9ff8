import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { adminCall, cli, createdKeys, echoService, keyedServer, keystoreSecrets, leaksOf, secretFlow, trigger, watchConsole } from './http-calls.js';

/** Secret values used by a flow over real HTTP: they reach the service called and nothing else. */
watchConsole();
const SECRET = `crm-secret-${randomBytes(8).toString('hex')}`;

describe('secret values over HTTP', () => {
  const echo = echoService();

  it('reach the service a flow calls, set through the CLI, and are masked in the reply and the export', async () => {
    const { server } = await keyedServer();
    await cli(server, ['secrets', 'set', 'CrmToken'], `${SECRET}\n`);
    expect((await adminCall(server, 'POST', '/applications/Demo/actionflows', secretFlow(echo.url()))).status).toBe(201);
    const reply = await trigger(server, 'Demo', 'Uses Secret');
    expect(echo.received).toContain(`Bearer ${SECRET}`);
    expect(reply.status).toBe(200);
    expect(JSON.stringify(reply.body)).not.toContain(SECRET);
    const exported = await adminCall(server, 'GET', '/export');
    expect(exported.body.security.secretKeys).toEqual([{ name: 'CrmToken', enabled: true }]);
    await cli(server, ['export']);
  });

  it('follow a value changed or a key disabled through the CLI from the very next call, naming the key and never the value', async () => {
    const { server } = await keyedServer();
    await cli(server, ['secrets', 'set', 'CrmToken'], `${SECRET}-old`);
    await adminCall(server, 'POST', '/applications/Demo/actionflows', secretFlow(echo.url()));
    expect((await trigger(server, 'Demo', 'Uses Secret')).status).toBe(200);
    expect(echo.received.at(-1)).toBe(`Bearer ${SECRET}-old`);
    await cli(server, ['secrets', 'set', 'CrmToken'], SECRET);
    expect((await trigger(server, 'Demo', 'Uses Secret')).status).toBe(200);
    expect(echo.received.at(-1)).toBe(`Bearer ${SECRET}`);
    await cli(server, ['secrets', 'disable', 'CrmToken']);
    const calls = echo.received.length;
    const refused = await trigger(server, 'Demo', 'Uses Secret');
    expect(refused).toMatchObject({ status: 500, body: { status: 'Fail', message: expect.stringContaining('secret key "CrmToken" is disabled') } });
    expect(echo.received).toHaveLength(calls);
  });
});

describe('what the suite produced', () => {
  it('holds no secret value, API key, session token or keystore key in any reply, export, CLI output or console line', () => {
    expect(leaksOf([SECRET, ...createdKeys, ...keystoreSecrets])).toEqual([]);
  });
});
