import { describe, expect, it } from 'vitest';
import { serverWith } from '../api/api-fixtures.js';
import { admin } from '../../support/running-server.js';

const preview = async (body: unknown) => {
  const server = await serverWith({});
  return admin(server, 'POST', '/expressions/preview', body);
};

describe('POST /expressions/preview', () => {
  it('answers an expression’s value against a record, as JSON', async () => {
    const reply = await preview({ expression: 'price * quantity', record: { price: 2.5, quantity: 4 } });
    expect(reply.status).toBe(200);
    expect(reply.body).toEqual({ kind: 'value', json: '10', truncated: false });
  });

  it('binds $in and the project’s functions, and says when there is nothing', async () => {
    expect((await preview({ expression: '$parseJson(body).name', record: { body: '{"name":"Ada"}' } })).body).toEqual({
      kind: 'value',
      json: '"Ada"',
      truncated: false,
    });
    expect((await preview({ expression: 'missing', record: {} })).body).toEqual({ kind: 'nothing' });
  });

  it('answers the error of an expression that fails or does not parse', async () => {
    expect((await preview({ expression: '$error("too big")', record: {} })).body).toEqual({ kind: 'error', message: 'too big' });
    const broken = (await preview({ expression: '1 +', record: {} })).body;
    expect(broken.kind).toBe('error');
    expect(broken.message).toMatch(/not a valid expression/);
  });

  it('refuses to preview an expression that reads _datasource', async () => {
    expect((await preview({ expression: '_datasource.Key', record: {} })).body).toEqual({
      kind: 'refused',
      message: 'an expression that reads _datasource is not previewed: secret values stay write-only',
    });
  });

  it('stops a runaway expression within the run bounds', async () => {
    const reply = await preview({ expression: '($f := function($n) { $f($n + 1) }; $f(0))', record: {} });
    expect(reply.body.kind).toBe('error');
  });

  it('answers 400 for a request without an expression', async () => {
    const reply = await preview({ record: {} });
    expect(reply.status).toBe(400);
    expect(JSON.stringify(reply.body)).toMatch(/expression/);
  });
});
