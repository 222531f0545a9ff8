import { describe, expect, it } from 'vitest';
import type { ActionflowInput } from '../../../shared/schemas/actionflow.schema.js';
import { flow, node, post, serverWith } from '../api/api-fixtures.js';
import { admin, runningServer } from '../../support/running-server.js';

const orders = (condition: string, api: Record<string, unknown> = { allowAnonymous: true }) =>
  flow(
    'Orders',
    [
      node('in', 'apiInput', undefined, 'In'),
      node('p', 'calculate', { attributes: [{ name: 'total', expression: '$parseJson(body).total' }] }, 'Parse'),
      node('g', 'gateway', { condition }, 'Big?'),
      node('big', 'output', undefined, 'big'),
      node('small', 'output', undefined, 'small'),
    ],
    ['in->p', 'p->g', 'g.true->big', 'g.false->small'],
    api,
  );

const workspaceFile = (actionflows: ActionflowInput[], tables: unknown[] = []) => ({
  format: 'actionflow-workspace',
  formatVersion: 1,
  applications: [{ name: 'Shop', tables, actionflows }],
});

describe('saving a flow checks it fully', () => {
  it('refuses to save a live endpoint whose gateway condition does not parse, listing every problem, and keeps the stored flow', async () => {
    const server = await serverWith({ Shop: { actionflows: [orders('total > 100')] } });
    const broken = orders('total > (100');
    broken.nodes[1]!.config = { attributes: [{ name: 'total', expression: 'error("no total")' }] };
    const saved = await admin(server, 'PUT', '/applications/Shop/actionflows/Orders', { baseRevision: 1, flow: broken });
    expect(saved.status).toBe(400);
    expect(saved.body.message).toContain('"Orders" was not saved: it has 2 problem(s) and it is an enabled API endpoint');
    expect(saved.body.problems).toEqual([
      { path: '$.nodes[1].config.attributes[0].expression', message: 'the expression calls error(…) without "$": write $error(…)', nodeId: 'p' },
      { path: '$.nodes[2].config.condition', message: expect.stringContaining('the expression does not parse'), nodeId: 'g' },
    ]);
    expect((await admin(server, 'GET', '/applications/Shop/actionflows/Orders')).body).toMatchObject({
      revision: 1,
      flow: { nodes: [{}, {}, { config: { condition: 'total > 100' } }, {}, {}] },
    });
    expect((await post(server.url, 'Shop', 'Orders', { total: 150 })).body.data).toEqual({ big: [expect.objectContaining({ total: 150 })], small: [] });
  });

  it('saves a disabled endpoint with its problems listed, and the validate route answers the same', async () => {
    const server = await serverWith({ Shop: { actionflows: [orders('total > 100')] } });
    const draft = orders('total > (100', { allowAnonymous: true, enabled: false });
    const validated = await admin(server, 'POST', '/validate/actionflow', { flow: draft, application: 'Shop', name: 'Orders' });
    expect(validated.body).toEqual({ problems: [expect.objectContaining({ path: '$.nodes[2].config.condition', nodeId: 'g' })], warnings: [] });
    const saved = await admin(server, 'PUT', '/applications/Shop/actionflows/Orders', { baseRevision: 1, flow: draft });
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({ revision: 2, check: { problems: validated.body.problems, warnings: [] } });
    expect((await admin(server, 'GET', '/applications/Shop/actionflows/Orders')).body.check.problems).toEqual(validated.body.problems);
  });

  it('refuses a flow that a live endpoint calls when it has a problem', async () => {
    const callee = flow(
      'Tax',
      [node('in', 'apiInput'), node('c', 'calculate', { attributes: [{ name: 'tax', expression: '1' }] }), node('result', 'output')],
      ['in->c', 'c->result'],
      false,
    );
    const caller = flow(
      'Checkout',
      [node('in', 'apiInput'), node('f', 'callFlow', { application: 'Shop', actionflow: 'Tax' }), node('result', 'output')],
      ['in->f', 'f->result'],
    );
    const server = await serverWith({ Shop: { actionflows: [callee, caller] } });
    const broken = { ...callee, nodes: callee.nodes.map((n) => (n.id === 'c' ? { ...n, config: { attributes: [{ name: 'tax', expression: '$sum(' }] } } : n)) };
    const saved = await admin(server, 'PUT', '/applications/Shop/actionflows/Tax', { baseRevision: 1, flow: broken });
    expect(saved.status).toBe(400);
    expect(saved.body.message).toContain('a live endpoint calls it');
  });

  it('returns the warnings with the save: a stray node, an unconnected gateway point, an attribute nothing sets', async () => {
    const server = await serverWith({ Shop: { actionflows: [orders('total > 100')] } });
    const edited = orders('totl > 100');
    edited.nodes.push({ name: 'Stray', ...node('stray', 'filter', { condition: 'true' }, 'Stray'), position: { x: 0, y: 200 } });
    edited.connections = edited.connections!.filter((connection) => connection.from.point !== 'false');
    const saved = await admin(server, 'PUT', '/applications/Shop/actionflows/Orders', { baseRevision: 1, flow: edited });
    expect(saved.body).toMatchObject({ revision: 2 });
    expect(saved.body.check).toEqual({
      problems: [],
      warnings: [
        { path: '$.nodes[2]', nodeId: 'g', message: 'the "false" point of "Big?" is not connected: records for which the condition does not hold are dropped' },
        { path: '$.nodes[2].config.condition', nodeId: 'g', message: '"Big?" reads "totl", which no node upstream sets; did you mean "total"?' },
        { path: '$.nodes[4]', nodeId: 'small', message: 'no record can reach "small": no connection leads to it from "In"' },
        { path: '$.nodes[5]', nodeId: 'stray', message: 'no record can reach "Stray": no connection leads to it from "In"' },
      ],
    });
  });

  it('keeps serving a stored flow that fails checks added later, and lists its problems', async () => {
    const server = await runningServer();
    await admin(server, 'POST', '/applications', { name: 'Shop' });
    const stored = orders('total > 100');
    stored.nodes.push({
      name: 'Late',
      ...node('late', 'calculate', { attributes: [{ name: 'x', expression: 'debug(total)' }] }, 'Late'),
      position: { x: 0, y: 200 },
    });
    stored.connections!.push({ id: 'small->late', from: { node: 'p', point: 'out' }, to: { node: 'late', point: 'in' } });
    // Written as an older version would have: straight to the store, past today's checks.
    server.stores.flows.create('Shop', (await import('../../../shared/schemas/actionflow.schema.js')).actionflowSchema.parse(stored));
    expect((await post(server.url, 'Shop', 'Orders', { total: 150 })).status).toBe(200);
    const read = await admin(server, 'GET', '/applications/Shop/actionflows/Orders');
    expect(read.body.check.problems).toEqual([
      { path: '$.nodes[5].config.attributes[0].expression', nodeId: 'late', message: 'the expression calls debug(…) without "$": write $debug(…)' },
    ]);
  });
});

describe('import checks every flow fully', () => {
  it('refuses a live flow reading a table that exists nowhere, listing every problem at once, and changes nothing', async () => {
    const server = await runningServer();
    const reader = flow(
      'Customers',
      [node('in', 'apiInput'), node('r', 'readTable', { table: 'customers', orderBy: 'name' }), node('result', 'output')],
      ['in->r', 'r->result'],
    );
    const parser = flow(
      'Since',
      [node('in', 'apiInput'), node('p', 'calculate', { attributes: [{ name: 'since', expression: '$parseJson(body.since' }] }), node('result', 'output')],
      ['in->p', 'p->result'],
    );
    const refused = await admin(server, 'POST', '/import', workspaceFile([reader, parser]));
    expect(refused.status).toBe(400);
    expect(refused.body.problems).toEqual([
      expect.objectContaining({
        path: '$.applications[0].actionflows[0].nodes[1].config.table',
        message: 'table "customers" does not exist in application "Shop"',
      }),
      expect.objectContaining({
        path: '$.applications[0].actionflows[1].nodes[1].config.attributes[0].expression',
        message: expect.stringContaining('does not parse'),
      }),
    ]);
    expect((await admin(server, 'GET', '/workspace')).body.applications).toEqual([]);
  });

  it('lists schema problems and flow problems together', async () => {
    const server = await runningServer();
    const reader = flow(
      'Customers',
      [node('in', 'apiInput'), node('r', 'readTable', { table: 'customers' }), node('result', 'output')],
      ['in->r', 'r->result'],
    );
    const file = workspaceFile([reader]) as Record<string, unknown>;
    file.surprise = true;
    const refused = await admin(server, 'POST', '/import', file);
    expect(refused.body.problems.map((problem: { path: string }) => problem.path)).toEqual(['$', '$.applications[0].actionflows[0].nodes[1].config.table']);
  });

  it('imports a flow that is not live with its problems listed, and finds tables in the workspace', async () => {
    const server = await runningServer({ seedDemo: true });
    const reader = flow(
      'Companies',
      [node('in', 'apiInput'), node('r', 'readTable', { table: 'companies' }), node('result', 'output')],
      ['in->r', 'r->result'],
    );
    const draft = flow('Draft', [node('in', 'apiInput'), node('r', 'readTable', { table: 'nowhere' }), node('result', 'output')], ['in->r', 'r->result'], {
      enabled: false,
    });
    const file = workspaceFile([reader, draft]);
    file.applications[0]!.name = 'Demo';
    const imported = await admin(server, 'POST', '/import', file);
    expect(imported.status).toBe(200);
    expect(imported.body.problems).toEqual([expect.objectContaining({ path: '$.applications[0].actionflows[1].nodes[1].config.table' })]);
    expect(imported.body.warnings).toBeUndefined();
  });
});

describe('a tap', () => {
  const failing = (links: string[]) =>
    flow(
      'Tapped',
      [
        node('in', 'apiInput'),
        node('e', 'calculate', { attributes: [{ name: 'x', expression: '$error("no such order")' }] }),
        node('tap', 'debug'),
        node('save', 'saveTable', { table: 'log', mode: 'insert' }),
        node('end', 'debug'),
      ],
      ['in->e', ...links],
    );
  const log = { name: 'log', columns: [{ name: 'body', type: 'string' }] };

  it('does not turn a failed run into a 200', async () => {
    const server = await serverWith({ Shop: { actionflows: [failing(['in->tap'])], tables: [log] } });
    const reply = await post(server.url, 'Shop', 'Tapped', {});
    expect(reply.status).toBe(500);
    expect(reply.body).toMatchObject({ status: 'Fail', message: 'no such order' });
  });

  it('a debug at the end of a chain is an ordinary end', async () => {
    const server = await serverWith({ Shop: { actionflows: [failing(['in->save', 'save->end'])], tables: [log] } });
    const reply = await post(server.url, 'Shop', 'Tapped', {});
    expect(reply.status).toBe(200);
    expect(reply.body).toMatchObject({ status: 'Success', errors: [expect.objectContaining({ message: 'no such order' })] });
  });
});
