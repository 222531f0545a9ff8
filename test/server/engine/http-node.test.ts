import { describe, expect, it } from 'vitest';
import { RunAbort, RunAborted } from '../../../server/engine/run-aborted.error.js';
import { engineHarness, flow, node, request } from './engine-harness.js';
import { closedPort, json, localHttpServer } from './local-http-server.js';

const calling = (name: string, config: Record<string, unknown>, withError = false) =>
  flow(
    name,
    [
      node('in', 'apiInput'),
      node('h', 'http', config, 'Call'),
      node('o', 'output', {}, 'ok'),
      ...(withError ? [node('e', 'output', { attributes: ['statusCode', 'errorMessage'] }, 'failed')] : []),
    ],
    ['in->h', 'h->o', ...(withError ? ['h.error->e'] : [])],
  );

describe('the http node', () => {
  it('calls the URL with its templates and reads outputs from the JSON reply by JSONPath', async () => {
    const service = await localHttpServer((_request, response) => json(response, { processId: 'p-1', items: [{ id: 1 }, { id: 2 }], one: [{ id: 9 }] }));
    const harness = engineHarness({
      flows: [
        calling('F', {
          method: 'POST',
          url: `${service.url}/orders/\${$parseJson(body).who}?q=\${"a&b"}`,
          headers: [{ name: 'X-Who', value: 'caller ${$parseJson(body).who}' }],
          body: '{"order": ${$parseJson(body)}}',
          outputs: [
            { name: 'processId', path: '$.processId' },
            { name: 'ids', path: '$.items[*].id' },
            { name: 'only', path: '$.one[*].id' },
            { name: 'nothing', path: '$.missing' },
            { name: 'doubled', path: '$.items[*].id', expression: '$sum(_result.value) * 2' },
          ],
        }),
      ],
    });
    const { data, result, log } = await harness.run('F', request({ body: '{"who": "Ann Lee"}' }));
    expect(result.errors).toEqual([]);
    expect(data.ok![0]).toMatchObject({ statusCode: 200, processId: 'p-1', ids: [1, 2], only: 9, doubled: 6 });
    expect(data.ok![0]).not.toHaveProperty('nothing');
    expect(service.seen[0]).toMatchObject({
      method: 'POST',
      url: '/orders/Ann%20Lee?q=a%26b',
      body: '{"order": {"who":"Ann Lee"}}',
      headers: { 'x-who': 'caller Ann Lee' },
    });
    const response = log.messages.find((m) => m.kind === 'Response')!;
    expect(response.text).toMatch(new RegExp(`^POST ${service.url}/orders/Ann%20Lee\\?q=a%26b → 200 \\(\\d+ ms\\)$`));
    expect(response.details).toMatchObject({ node: 'Call', status: 200, headers: { 'content-type': 'application/json' }, truncated: false });
  });

  it('inserts URL values as they are when the node says so', async () => {
    const service = await localHttpServer((_request, response) => json(response, {}));
    const harness = engineHarness({ flows: [calling('F', { url: `${service.url}/\${"a/b?c=1"}`, encodeUrlValues: false })] });
    await harness.run('F');
    expect(service.seen[0]!.url).toBe('/a/b?c=1');
  });

  it('fails the record on a status of 400 or more, or sends it to error with statusCode and errorMessage', async () => {
    const service = await localHttpServer((_request, response) => json(response, { message: 'nope' }, 404));
    const harness = engineHarness({ flows: [calling('Fails', { url: `${service.url}/x` }), calling('Routes', { url: `${service.url}/x` }, true)] });
    const fails = await harness.run('Fails');
    expect(fails.result.errors.map((e) => [e.node, e.message])).toEqual([['Call', `GET ${service.url}/x answered 404 Not Found`]]);
    const routes = await harness.run('Routes');
    expect(routes.result.errors).toEqual([]);
    expect(routes.data).toEqual({ ok: [], failed: [{ statusCode: 404, errorMessage: `GET ${service.url}/x answered 404 Not Found` }] });
  });

  it('gives statusCode 0 when there is no reply, and fails on the node timeout', async () => {
    const service = await localHttpServer(() => {
      // Never answers.
    });
    const nobody = `http://127.0.0.1:${await closedPort()}/`;
    const harness = engineHarness({
      flows: [calling('Refused', { url: nobody }, true), calling('Slow', { url: `${service.url}/slow`, timeoutMs: 500 })],
    });
    const refused = await harness.run('Refused');
    expect(refused.data.failed).toEqual([{ statusCode: 0, errorMessage: `GET ${nobody} failed: connect ECONNREFUSED ${nobody.slice(7, -1)}` }]);
    const slow = await harness.run('Slow');
    expect(slow.result.errors.map((e) => e.message)).toEqual([`GET ${service.url}/slow timed out after 500 ms`]);
    expect(await service.seen[0]!.abandoned).toBe(true);
  });

  it('cancels the outgoing call when the run is aborted', async () => {
    const service = await localHttpServer(() => {
      // Never answers.
    });
    const harness = engineHarness({ flows: [calling('F', { url: `${service.url}/slow` })] });
    const abort = new RunAbort();
    const running = harness.run('F', request(), abort);
    await expect.poll(() => service.seen.length, { timeout: 10_000 }).toBe(1);
    abort.abort('timeout');
    await expect(running).rejects.toBeInstanceOf(RunAborted);
    expect(await service.seen[0]!.abandoned).toBe(true);
  });

  it('leaves outputs undefined when the reply is not JSON, and caps the body it logs', async () => {
    const big = 'x'.repeat(70 * 1024);
    const service = await localHttpServer((_request, response) => response.end(big));
    const harness = engineHarness({ flows: [calling('F', { url: `${service.url}/text`, outputs: [{ name: 'v', path: '$' }] })] });
    const { data, log } = await harness.run('F');
    expect(data.ok![0]).toMatchObject({ statusCode: 200 });
    expect(data.ok![0]).not.toHaveProperty('v');
    const details = log.messages.find((m) => m.kind === 'Response')!.details as { body: string; bytes: number; truncated: boolean };
    expect(details).toMatchObject({ bytes: big.length, truncated: true });
    expect(details.body.length).toBe(64 * 1024 + 1);
  });

  it('fails the record when the URL is not http or https', async () => {
    const harness = engineHarness({ flows: [calling('F', { url: 'file:///etc/passwd' })] });
    expect((await harness.run('F')).result.errors[0]!.message).toBe('url "file:///etc/passwd" is not an http or https URL');
  });
});
