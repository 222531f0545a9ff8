import { describe, expect, it } from 'vitest';
import { localHttpServer, json } from '../engine/local-http-server.js';
import { flow, node, post, send, serverWith, trigger } from './api-fixtures.js';

const PRICES: Record<string, number> = { A: 10, C: 5 };

const lines = {
  name: 'lines',
  columns: [
    { name: 'sku', type: 'string' },
    { name: 'qty', type: 'number' },
    { name: 'price', type: 'number' },
    { name: 'total', type: 'number' },
  ],
};

/** Every node type but response: orders are split, checked, priced over HTTP, totalled by a called flow, saved, read back and gathered. */
const processOrders = flow(
  'Process Orders',
  [
    node('in', 'apiInput'),
    node('parse', 'calculate', { attributes: [{ name: 'orders', expression: '$parseJson(body).orders' }] }, 'Parse'),
    node('split', 'split', { expression: 'orders' }, 'Each Order'),
    node('gate', 'gateway', { condition: 'qty > 0' }, 'Positive?'),
    node('reject', 'error', { message: '"qty must be positive for " & sku' }, 'Reject'),
    node('price', 'http', { method: 'GET', url: 'SERVICE/price/${sku}', outputs: [{ name: 'price', path: '$.price' }] }, 'Price'),
    node('peek', 'debug', { label: 'priced' }, 'Peek'),
    node('total', 'callFlow', { application: 'Shop', actionflow: 'Line Total' }, 'Total'),
    node('save', 'saveTable', { table: 'lines', mode: 'insert' }, 'Save'),
    node('nonzero', 'filter', { condition: 'total > 0' }, 'Non-zero'),
    node('gather', 'aggregate', { into: 'lines' }, 'Gather'),
    node('out', 'output', { attributes: ['lines'] }, 'summary'),
  ],
  [
    'in->parse',
    'parse->split',
    'split->gate',
    'gate.true->price',
    'gate.false->reject',
    'price->peek',
    'peek->total',
    'total->save',
    'save->nonzero',
    'nonzero->gather',
    'gather->out',
  ],
);

const lineTotal = flow(
  'Line Total',
  [
    node('in', 'apiInput'),
    node('t', 'calculate', { attributes: [{ name: 'total', expression: 'qty * price' }] }),
    node('o', 'output', { attributes: ['sku', 'qty', 'price', 'total'] }, 'line'),
  ],
  ['in->t', 't->o'],
  false,
);

const linesFrom = flow(
  'Lines From',
  [
    node('in', 'apiInput', { parameters: [{ name: 'min', default: '1' }] }),
    node('p', 'calculate', { attributes: [{ name: 'min', expression: '$number(min)' }] }),
    node('r', 'readTable', { table: 'lines', where: 'qty >= $in.min', orderBy: '-total' }, 'Read'),
    node('o', 'output', { attributes: ['sku', 'total'] }, 'lines'),
  ],
  ['in->p', 'p->r', 'r->o'],
);

const answer = flow('Answer', [node('in', 'apiInput'), node('r', 'response', { statusCode: '202', body: '{"accepted": $parseJson(body).id}' })], ['in->r']);

describe('every node type over HTTP', () => {
  it('processes orders through every node type, failing one of three records and returning the others', async () => {
    const service = await localHttpServer((request, response) => {
      const sku = request.url.split('/').pop()!;
      json(response, { price: PRICES[sku] });
    });
    const withService = JSON.parse(JSON.stringify(processOrders).replace('SERVICE', service.url));
    const server = await serverWith({ Shop: { tables: [lines], actionflows: [withService, lineTotal, linesFrom, answer] } });

    const reply = await post(server.url, 'Shop', 'Process Orders', {
      orders: [
        { sku: 'A', qty: 2 },
        { sku: 'B', qty: 0 },
        { sku: 'C', qty: 1 },
      ],
    });
    expect(reply.status).toBe(200);
    expect(reply.body.data).toEqual({
      summary: [
        {
          lines: [
            { sku: 'A', qty: 2, price: 10, total: 20 },
            { sku: 'C', qty: 1, price: 5, total: 5 },
          ],
        },
      ],
    });
    expect(reply.body.errors).toEqual([{ node: 'Reject', message: 'qty must be positive for B', record: expect.objectContaining({ sku: 'B', qty: 0 }) }]);
    expect(service.seen.map((request) => request.url)).toEqual(['/price/A', '/price/C']);

    const read = await send(server.url, trigger('Shop', 'Lines From', '?min=2'), { method: 'GET' });
    expect(read.body.data.lines).toEqual([{ sku: 'A', total: 20 }]);
    const all = await send(server.url, trigger('Shop', 'Lines From'), { method: 'GET' });
    expect(all.body.data.lines).toEqual([
      { sku: 'A', total: 20 },
      { sku: 'C', total: 5 },
    ]);
  });

  it('answers with a response node', async () => {
    const server = await serverWith({ Shop: { tables: [lines], actionflows: [answer] } });
    const reply = await post(server.url, 'Shop', 'Answer', { id: 7 });
    expect(reply.status).toBe(202);
    expect(reply.body).toEqual({ accepted: 7 });
  });
});
