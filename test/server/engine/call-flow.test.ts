import { describe, expect, it } from 'vitest';
import { engineHarness, flow, node, request } from './engine-harness.js';

describe('callFlow', () => {
  it('runs the target with the record and emits what reached its outputs, each with _output', async () => {
    const harness = engineHarness({
      flows: [
        flow(
          'Caller',
          [
            node('in', 'apiInput'),
            node('c', 'calculate', { attributes: [{ name: 'n', expression: '$parseJson(body).n' }] }),
            node('call', 'callFlow', { application: 'App', actionflow: 'Double' }, 'Call Double'),
            node('o', 'output', { attributes: ['n', 'doubled', 'half', '_output'] }, 'result'),
          ],
          ['in->c', 'c->call', 'call->o'],
        ),
        flow(
          'Double',
          [
            node('in', 'apiInput'),
            node('d', 'calculate', {
              attributes: [
                { name: 'doubled', expression: 'n * 2' },
                { name: 'half', expression: 'n / 2' },
              ],
            }),
            node('a', 'output', { attributes: ['n', 'doubled'] }, 'twice'),
            node('b', 'output', { attributes: ['half'] }, 'half'),
            node('r', 'response', { body: '"ignored"' }),
          ],
          ['in->d', 'd->a', 'd->b', 'd->r'],
          false,
        ),
      ],
    });
    const { data, result } = await harness.run('Caller', request({ body: '{"n": 4}' }));
    expect(result.errors).toEqual([]);
    expect(result.response).toBeUndefined();
    expect(data.result).toEqual([
      { n: 4, doubled: 8, _output: 'twice' },
      { half: 2, _output: 'half' },
    ]);
  });

  it('reports failures inside the target under the callFlow node, and the run goes on', async () => {
    const harness = engineHarness({
      flows: [
        flow(
          'Caller',
          [
            node('in', 'apiInput'),
            node('s', 'split', { expression: '[1, 2]' }),
            node('call', 'callFlow', { application: 'App', actionflow: 'Picky' }, 'Check'),
            node('o', 'output', { attributes: ['item'] }, 'result'),
          ],
          ['in->s', 's->call', 'call->o'],
        ),
        flow(
          'Picky',
          [
            node('in', 'apiInput'),
            node('g', 'gateway', { condition: 'item = 1' }),
            node('e', 'error', { message: '"not one"' }, 'Refuse'),
            node('o', 'output', {}, 'ok'),
          ],
          ['in->g', 'g.true->o', 'g.false->e'],
        ),
      ],
    });
    const { data, result } = await harness.run('Caller');
    expect(data.result).toEqual([{ item: 1 }]);
    expect(result.errors.map((e) => [e.node, e.message])).toEqual([['Check/Refuse', 'not one']]);
  });

  it('fails the record past a depth of 8 calls', async () => {
    const harness = engineHarness({
      flows: [
        flow(
          'Recurse',
          [
            node('in', 'apiInput'),
            node('c', 'calculate', { attributes: [{ name: 'depth', expression: '$exists(depth) ? depth + 1 : 0' }] }),
            node('call', 'callFlow', { application: 'App', actionflow: 'Recurse' }, 'Again'),
            node('o', 'output', {}, 'result'),
          ],
          ['in->c', 'c->call', 'call->o'],
        ),
      ],
    });
    const { result } = await harness.run('Recurse');
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0]).toMatchObject({
      node: 'Again/Again/Again/Again/Again/Again/Again/Again/Again',
      message: 'callFlow is nested more than 8 deep',
      record: { depth: 8 },
    });
  });

  it('fails the record when the target does not exist', async () => {
    const harness = engineHarness({
      flows: [
        flow(
          'F',
          [node('in', 'apiInput'), node('call', 'callFlow', { application: 'App', actionflow: 'Gone' }, 'Call'), node('o', 'output', {}, 'r')],
          ['in->call', 'call->o'],
        ),
      ],
    });
    expect((await harness.run('F')).result.errors.map((e) => e.message)).toEqual(['actionflow "Gone" of application "App" does not exist']);
  });
});
