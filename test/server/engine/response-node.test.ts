import { describe, expect, it } from 'vitest';
import { engineHarness, flow, node, request } from './engine-harness.js';

const responding = (name: string, config: Record<string, unknown>, items = '[1]') =>
  flow(name, [node('in', 'apiInput'), node('s', 'split', { expression: items }), node('r', 'response', config, 'Reply')], ['in->s', 's->r']);

describe('the response node', () => {
  it('makes the reply from the first record to arrive, each field its expression', async () => {
    const harness = engineHarness({
      flows: [
        responding('F', { statusCode: '201', headers: '{"X-Item": item, "Content-Length": "1", "Connection": "close"}', body: '{"item": item}' }, '[1, 2]'),
      ],
    });
    const { result } = await harness.run('F');
    expect(result.response).toEqual({ statusCode: 201, headers: { 'x-item': '1' }, contentType: 'application/json', body: '{"item":1}' });
    expect(result.completed).toBe(2);
  });

  it('falls back to the record’s body and status, never to its headers or content type, and sends text as text/plain', async () => {
    const harness = engineHarness({
      flows: [
        flow(
          'Echo',
          [
            node('in', 'apiInput'),
            node('c', 'calculate', {
              attributes: [
                { name: 'contentType', expression: '"text/html"' },
                { name: 'headers', expression: '{"x-leak": "1"}' },
                { name: 'statusCode', expression: '202' },
              ],
            }),
            node('r', 'response', {}),
          ],
          ['in->c', 'c->r'],
        ),
      ],
    });
    const { result } = await harness.run('Echo', request({ body: 'hello' }));
    expect(result.response).toEqual({ statusCode: 202, headers: {}, contentType: 'text/plain; charset=utf-8', body: 'hello' });
  });

  it('fails the record for a status code out of range, and the next record answers', async () => {
    const harness = engineHarness({ flows: [responding('F', { statusCode: 'item = 1 ? 99 : 202', body: '"ok"' }, '[1, 2]')] });
    const { result } = await harness.run('F');
    expect(result.errors.map((e) => e.message)).toEqual(['statusCode must be a whole number from 200 to 599, got 99']);
    expect(result.response).toMatchObject({ statusCode: 202, body: 'ok', contentType: 'text/plain; charset=utf-8' });
  });
});
