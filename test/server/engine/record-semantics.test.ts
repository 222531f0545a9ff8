import { describe, expect, it } from 'vitest';
import { engineHarness, flow, node, request } from './engine-harness.js';

const items = (expression: string) => node('s', 'split', { expression });

describe('records through a flow', () => {
  it('sets calculate attributes in order, each seeing those before it, with $in the record as it arrived', async () => {
    const harness = engineHarness({
      flows: [
        flow(
          'F',
          [
            node('in', 'apiInput'),
            node('c', 'calculate', {
              attributes: [
                { name: 'a', expression: '1' },
                { name: 'b', expression: 'a + 1' },
                { name: 'hadA', expression: '$exists($in.a)' },
              ],
            }),
            node('o', 'output', { attributes: ['a', 'b', 'hadA'] }, 'result'),
          ],
          ['in->c', 'c->o'],
        ),
      ],
    });
    const { data, result } = await harness.run('F');
    expect(data).toEqual({ result: [{ a: 1, b: 2, hadA: false }] });
    expect(result.errors).toEqual([]);
    expect(result.completed).toBe(1);
  });

  it('fails one record of three and lets the other two complete', async () => {
    const harness = engineHarness({
      flows: [
        flow(
          'F',
          [
            node('in', 'apiInput'),
            items('[1, 2, 3]'),
            node('c', 'calculate', { attributes: [{ name: 'half', expression: 'item = 2 ? $error("two is not allowed") : item / 2' }] }, 'Halve'),
            node('o', 'output', { attributes: ['item', 'half'] }, 'rows'),
          ],
          ['in->s', 's->c', 'c->o'],
        ),
      ],
    });
    const { data, result } = await harness.run('F');
    expect(data.rows).toEqual([
      { item: 1, half: 0.5 },
      { item: 3, half: 1.5 },
    ]);
    expect(result.errors).toEqual([{ node: 'Halve', message: 'two is not allowed', record: expect.objectContaining({ item: 2 }) }]);
    expect(result.completed).toBe(2);
  });

  it('drops every record at a filter whose condition never holds: nothing fails, nothing completes', async () => {
    const harness = engineHarness({
      flows: [
        flow(
          'F',
          [node('in', 'apiInput'), items('[1, 2]'), node('f', 'filter', { condition: 'item > 5' }), node('o', 'output', {}, 'rows')],
          ['in->s', 's->f', 'f->o'],
        ),
      ],
    });
    const { data, result } = await harness.run('F');
    expect(data).toEqual({ rows: [] });
    expect(result.errors).toEqual([]);
    expect(result.completed).toBe(0);
  });

  it('sends each record to true or false and drops records sent to an unconnected point', async () => {
    const harness = engineHarness({
      flows: [
        flow(
          'F',
          [
            node('in', 'apiInput'),
            items('[1, 2, 3, 4]'),
            node('g', 'gateway', { condition: 'item % 2 = 0' }),
            node('even', 'output', { attributes: ['item'] }),
          ],
          ['in->s', 's->g', 'g.true->even'],
        ),
      ],
    });
    const { data, result } = await harness.run('F');
    expect(data).toEqual({ even: [{ item: 2 }, { item: 4 }] });
    expect(result.completed).toBe(2);
  });

  it('judges conditions by $boolean(): empty arrays, "" and 0 do not hold; "0" and non-empty objects do', async () => {
    const harness = engineHarness({
      flows: [
        flow(
          'F',
          [
            node('in', 'apiInput'),
            items('[{"v": []}, {"v": ""}, {"v": 0}, {"v": "0"}, {"v": {"a": 1}}, {"v": [0, 1]}, {"v": {}}]'),
            node('f', 'filter', { condition: 'v' }),
            node('o', 'output', { attributes: ['v'] }, 'kept'),
          ],
          ['in->s', 's->f', 'f->o'],
        ),
      ],
    });
    expect((await harness.run('F')).data.kept).toEqual([{ v: '0' }, { v: { a: 1 } }, { v: [0, 1] }]);
  });

  it('splits arrays into elements, merges object elements into the record and sets other values as item', async () => {
    const harness = engineHarness({
      flows: [
        flow(
          'F',
          [
            node('in', 'apiInput'),
            node('c', 'calculate', {
              attributes: [
                { name: 'name', expression: '"outer"' },
                { name: 'list', expression: '[{"name": "inner", "n": 1}, 7]' },
              ],
            }),
            items('list'),
            node('o', 'output', { attributes: ['name', 'n', 'item'] }, 'rows'),
          ],
          ['in->c', 'c->s', 's->o'],
        ),
        flow('Single', [node('in', 'apiInput'), items('"one"'), node('o', 'output', { attributes: ['item'] }, 'rows')], ['in->s', 's->o']),
        flow('None', [node('in', 'apiInput'), items('nothing'), node('o', 'output', {}, 'rows')], ['in->s', 's->o']),
      ],
    });
    expect((await harness.run('F')).data.rows).toEqual([
      { name: 'inner', n: 1 },
      { name: 'outer', item: 7 },
    ]);
    expect((await harness.run('Single')).data.rows).toEqual([{ item: 'one' }]);
    const none = await harness.run('None');
    expect(none.data.rows).toEqual([]);
    expect(none.result.errors).toEqual([]);
  });

  it('aggregates every record that can reach it, from every branch, in a fixed arrival order', async () => {
    const harness = engineHarness({
      flows: [
        flow(
          'F',
          [
            node('in', 'apiInput'),
            items('[1, 2, 3, 4]'),
            node('g', 'gateway', { condition: 'item > 2' }),
            node('big', 'calculate', { attributes: [{ name: 'size', expression: '"big"' }] }),
            node('small', 'calculate', { attributes: [{ name: 'size', expression: '"small"' }] }),
            node('a', 'aggregate', { into: 'all' }),
            node('o', 'output', {}, 'result'),
          ],
          ['in->s', 's->g', 'g.true->big', 'g.false->small', 'big->a', 'small->a', 'a->o'],
        ),
      ],
    });
    const { data } = await harness.run('F');
    expect(data.result).toHaveLength(1);
    expect((data.result![0]!.all as { item: number; size: string }[]).map(({ item, size }) => `${item}:${size}`)).toEqual([
      '3:big',
      '4:big',
      '1:small',
      '2:small',
    ]);
  });

  it('groups aggregated records by key, and emits one empty record without input (none with groupBy)', async () => {
    const harness = engineHarness({
      flows: [
        flow(
          'Grouped',
          [
            node('in', 'apiInput'),
            items('[{"c": "UK", "n": 1}, {"c": "JP", "n": 2}, {"c": "UK", "n": 3}]'),
            node('a', 'aggregate', { into: 'rows', groupBy: 'c' }),
            node('k', 'calculate', { attributes: [{ name: 'ns', expression: '[rows.n]' }] }),
            node('o', 'output', { attributes: ['key', 'ns'] }, 'groups'),
          ],
          ['in->s', 's->a', 'a->k', 'k->o'],
        ),
        flow('Empty', [node('in', 'apiInput'), items('[]'), node('a', 'aggregate', {}), node('o', 'output', {}, 'result')], ['in->s', 's->a', 'a->o']),
        flow(
          'EmptyGrouped',
          [node('in', 'apiInput'), items('[]'), node('a', 'aggregate', { groupBy: 'x' }), node('o', 'output', {}, 'result')],
          ['in->s', 's->a', 'a->o'],
        ),
      ],
    });
    expect((await harness.run('Grouped')).data.groups).toEqual([
      { key: 'UK', ns: [1, 3] },
      { key: 'JP', ns: [2] },
    ]);
    expect((await harness.run('Empty')).data.result).toEqual([{ items: [] }]);
    expect((await harness.run('EmptyGrouped')).data.result).toEqual([]);
  });

  it('deep-copies a record sent down several connections, so each branch has its own', async () => {
    const harness = engineHarness({
      flows: [
        flow(
          'F',
          [
            node('in', 'apiInput'),
            node('c', 'calculate', { attributes: [{ name: 'nested', expression: '{"list": [1, 2]}' }] }),
            node('left', 'output', { attributes: ['nested'] }),
            node('right', 'output', { attributes: ['nested'] }),
          ],
          ['in->c', 'c->left', 'c->right'],
        ),
      ],
    });
    const { data, result } = await harness.run('F');
    expect(data.left).toEqual(data.right);
    expect(data.left![0]!.nested).not.toBe(data.right![0]!.nested);
    expect((data.left![0]!.nested as { list: number[] }).list).not.toBe((data.right![0]!.nested as { list: number[] }).list);
    expect(result.completed).toBe(2);
  });

  it('emits the request as the apiInput record, with declared parameters from the query or their defaults', async () => {
    const harness = engineHarness({
      flows: [
        flow(
          'F',
          [node('in', 'apiInput', { parameters: [{ name: 'name' }, { name: 'size', default: 10 }, { name: 'absent' }] }), node('o', 'output', {}, 'result')],
          ['in->o'],
        ),
      ],
    });
    const req = request({
      body: '{"a":1}',
      headers: { 'content-type': 'application/json', accept: ['a', 'b'] },
      contentType: 'application/json',
      query: { name: 'Ada' },
    });
    const { data } = await harness.run('F', req);
    expect(data.result).toEqual([{ body: '{"a":1}', headers: req.headers, contentType: 'application/json', url: req.url, name: 'Ada', size: 10 }]);
  });

  it('counts a record that leaves a node with no outgoing connection as completed', async () => {
    const harness = engineHarness({
      flows: [flow('F', [node('in', 'apiInput'), node('c', 'calculate', { attributes: [{ name: 'x', expression: '1' }] })], ['in->c'])],
    });
    const { result } = await harness.run('F');
    expect(result.completed).toBe(1);
    expect(result.outputs.size).toBe(0);
  });

  it('fails records at an error node with its message, and writes an Error message naming the node', async () => {
    const harness = engineHarness({
      flows: [
        flow(
          'F',
          [node('in', 'apiInput'), node('e', 'error', { message: '"no customer " & 42' }, 'Reject'), node('o', 'output', {}, 'rows')],
          ['in->e', 'e->o'],
        ),
      ],
    });
    const { result, log } = await harness.run('F');
    expect(result.errors).toEqual([{ node: 'Reject', message: 'no customer 42', record: expect.objectContaining({ body: '' }) }]);
    expect(log.messages.filter((m) => m.kind === 'Error').map((m) => m.text)).toEqual(['Reject: no customer 42']);
  });

  it('writes Debug messages from debug nodes and passes the record on', async () => {
    const harness = engineHarness({
      flows: [
        flow(
          'F',
          [
            node('in', 'apiInput'),
            node('d', 'debug', { expression: '{"seen": body}', label: 'the body' }, 'Peek'),
            node('d2', 'debug', {}, 'Whole'),
            node('o', 'output', { attributes: ['body'] }, 'rows'),
          ],
          ['in->d', 'd->d2', 'd2->o'],
        ),
      ],
    });
    const { data, log } = await harness.run('F', request({ body: 'hi' }));
    expect(data.rows).toEqual([{ body: 'hi' }]);
    const debug = log.messages.filter((m) => m.kind === 'Debug');
    expect(debug[0]).toMatchObject({ text: 'the body: {"seen":"hi"}', details: { node: 'Peek', value: { seen: 'hi' } } });
    expect(debug[1]).toMatchObject({ details: { node: 'Whole', value: expect.objectContaining({ body: 'hi' }) } });
  });

  it('masks the authorization header in the record of a failure', async () => {
    const harness = engineHarness({
      flows: [flow('F', [node('in', 'apiInput'), node('e', 'error', { message: '"no"' }), node('o', 'output', {}, 'rows')], ['in->e', 'e->o'])],
    });
    const { result } = await harness.run('F', request({ headers: { authorization: 'Bearer abc' } }));
    expect(result.errors[0]!.record).toMatchObject({ headers: { authorization: '****' } });
  });
});
