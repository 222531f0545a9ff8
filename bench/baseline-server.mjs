// The baselines of DESIGN §9: bare Express routes that parse the same body, evaluate the same
// compiled JSONata and send the same JSON as the flows they stand for (the 3-node sync trigger,
// and the 10-node flow with its split, gateway and aggregate done in plain JavaScript). Prints
// its URL, then serves.
import { randomUUID } from 'node:crypto';
import express from 'express';
import jsonata from 'jsonata';
import { GREETING, ORDER } from './bench-workspace.mjs';

const compile = (text) => {
  const expression = jsonata(text);
  expression.registerFunction('parseJson', (json) => JSON.parse(json), '<x?:x>');
  return expression;
};
const compileAll = (attributes) => attributes.map(({ name, expression }) => ({ name, expression: compile(expression) }));

/** Sets each attribute on `record` in order, as a calculate node does (each sees the ones before it). */
async function calculate(record, attributes) {
  for (const { name, expression } of attributes) {
    const value = await expression.evaluate(record);
    if (value === undefined) delete record[name];
    else record[name] = value;
  }
  return record;
}

const greeting = compile(GREETING);
const order = {
  parse: compileAll(ORDER.parse),
  split: compile(ORDER.split),
  amount: compileAll(ORDER.amount),
  large: compile(ORDER.large),
  bulk: compileAll(ORDER.bulk),
  plain: compileAll(ORDER.plain),
  groupBy: compile(ORDER.groupBy),
  totals: compileAll(ORDER.totals),
};

/** The 10-node flow's work: each line's amount and discount, the lines grouped by band, each band's totals. */
async function orderBands(body) {
  const parsed = await calculate({ body }, order.parse);
  const items = await order.split.evaluate(parsed);
  const large = [];
  const small = [];
  for (const item of Array.isArray(items) ? items : [items]) {
    const line = await calculate({ ...parsed, ...item }, order.amount);
    if (await order.large.evaluate(line)) large.push(await calculate(line, order.bulk));
    else small.push(await calculate(line, order.plain));
  }
  // The flow's aggregate sees the gateway's true branch first (it comes first in the flow's order).
  const groups = new Map();
  for (const line of [...large, ...small]) {
    const key = await order.groupBy.evaluate(line);
    const id = JSON.stringify(key);
    if (!groups.has(id)) groups.set(id, { key, [ORDER.into]: [] });
    groups.get(id)[ORDER.into].push(line);
  }
  const bands = [];
  for (const group of groups.values()) {
    const totals = await calculate(group, order.totals);
    bands.push(Object.fromEntries(ORDER.attributes.filter((name) => totals[name] !== undefined).map((name) => [name, totals[name]])));
  }
  return bands;
}

const app = express();
app.disable('x-powered-by');
app.set('etag', false);
const text = express.text({ type: () => true, limit: '10mb' });
app.post('/greet', text, async (request, response) => {
  const value = await greeting.evaluate({ body: request.body });
  response.json({ status: 'Success', processId: randomUUID(), data: { result: [{ greeting: value }] } });
});
app.post('/order', text, async (request, response) => {
  const bands = await orderBands(request.body);
  response.json({ status: 'Success', processId: randomUUID(), data: { [ORDER.output]: bands } });
});

const server = app.listen(0, '127.0.0.1', () => console.log(`listening on http://127.0.0.1:${server.address().port}`));
process.once('SIGTERM', () => server.close(() => process.exit(0)));
process.once('SIGINT', () => server.close(() => process.exit(0)));
