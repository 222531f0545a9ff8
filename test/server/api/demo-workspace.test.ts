import { describe, expect, it } from 'vitest';
import { runningServer } from '../../support/running-server.js';
import { post, send, trigger } from './api-fixtures.js';

describe('the Demo workspace endpoints', () => {
  it('answer as their descriptions say', async () => {
    const server = await runningServer({ seedDemo: true });

    const since = await send(server.url, trigger('Demo', 'Companies Since'), {
      body: '{"since":"2021-01-01"}',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(since.status).toBe(200);
    const companies = since.body.data.companies as { name: string; onboarded: string }[];
    expect(companies[0]).toEqual({ name: 'Black Mesa', onboarded: '2021-01-26' });
    expect(companies.every((company) => company.onboarded > '2021-01-01')).toBe(true);
    expect(companies.map((company) => company.onboarded)).toEqual([...companies.map((company) => company.onboarded)].sort());

    const found = await send(server.url, trigger('Demo', 'Company Lookup', '?name=Acme'), { method: 'GET' });
    expect(found.body).toEqual({ name: 'Acme', onboarded: '2019-01-14', country: 'UK' });
    const notFound = await send(server.url, trigger('Demo', 'Company Lookup', '?name=Nobody'), { method: 'GET' });
    expect(notFound).toMatchObject({ status: 404, body: { status: 'Fail', message: 'no company has that name' } });

    const registered = await post(server.url, 'Demo', 'Register Company', { name: 'Initech', onboarded: '2024-05-01', country: 'US' });
    expect(registered.body.data.company).toEqual([{ name: 'Initech', onboarded: '2024-05-01', country: 'US' }]);
    expect((await send(server.url, trigger('Demo', 'Company Lookup', '?name=Initech'), { method: 'GET' })).body.country).toBe('US');
    const nameless = await post(server.url, 'Demo', 'Register Company', { country: 'US' });
    expect(nameless).toMatchObject({ status: 500, body: { status: 'Fail', message: 'a company needs a name' } });

    const byCountry = await send(server.url, trigger('Demo', 'Companies By Country'), { method: 'GET' });
    expect(byCountry.body.data.countries).toEqual([
      { country: 'DE', count: 4 },
      { country: 'ES', count: 4 },
      { country: 'FR', count: 5 },
      { country: 'IE', count: 4 },
      { country: 'JP', count: 4 },
      { country: 'NL', count: 4 },
      { country: 'UK', count: 5 },
      { country: 'US', count: 6 },
    ]);

    const keyless = await send(server.url, trigger('Demo', 'Company Count'), { method: 'GET' });
    expect(keyless).toMatchObject({ status: 401, body: { status: 'Fail', message: expect.stringContaining('needs an API key') } });
  });
});
