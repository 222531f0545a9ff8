// The baseline of DESIGN §9: a bare Express route that parses the same body, evaluates the same
// compiled JSONata and sends the same JSON as the 3-node sync trigger. Prints its URL, then serves.
import { randomUUID } from 'node:crypto';
import express from 'express';
import jsonata from 'jsonata';
import { GREETING } from './bench-workspace.mjs';

const expression = jsonata(GREETING);
expression.registerFunction('parseJson', (text) => JSON.parse(text), '<x?:x>');

const app = express();
app.disable('x-powered-by');
app.set('etag', false);
app.post('/greet', express.text({ type: () => true, limit: '10mb' }), async (request, response) => {
  const greeting = await expression.evaluate({ body: request.body });
  response.json({ status: 'Success', processId: randomUUID(), data: { result: [{ greeting }] } });
});

const server = app.listen(0, '127.0.0.1', () => console.log(`listening on http://127.0.0.1:${server.address().port}`));
process.once('SIGTERM', () => server.close(() => process.exit(0)));
process.once('SIGINT', () => server.close(() => process.exit(0)));
