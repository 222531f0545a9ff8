import { request } from 'node:http';
import { describe, expect, it } from 'vitest';
import { admin, runningServer } from '../../support/running-server.js';
import { exampleWorkspace } from '../../support/example-workspace.js';

const endpointFlow = (name: string) => ({
  name,
  api: { allowAnonymous: true },
  nodes: [
    { id: 'in', type: 'apiInput', name: 'In', position: { x: 0, y: 0 } },
    { id: 'out', type: 'output', name: 'result', position: { x: 250, y: 0 } },
  ],
  connections: [{ id: 'c1', from: { node: 'in', point: 'out' }, to: { node: 'out', point: 'in' } }],
});

/** A raw request, so the Host header can be set to anything. */
function rawGet(url: string, headers: Record<string, string>): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(url, { headers }, (response) => {
      response.resume();
      resolve(response.statusCode!);
    });
    req.on('error', reject);
    req.end();
  });
}

describe('admin API', () => {
  it('answers 401 without the session token and with a wrong one', async () => {
    const server = await runningServer();
    expect((await fetch(`${server.url}/_studio/api/v1/workspace`)).status).toBe(401);
    const wrong = await admin(server, 'GET', '/workspace', undefined, { authorization: 'Bearer not-the-token' });
    expect(wrong.status).toBe(401);
    expect(wrong.body.message).toContain('not valid');
  });

  it('answers 403 to a foreign Host even with the token', async () => {
    const server = await runningServer();
    const auth = { authorization: `Bearer ${server.sessionToken}` };
    expect(await rawGet(`${server.url}/_studio/api/v1/workspace`, { ...auth, host: 'evil.example' })).toBe(403);
    expect(await rawGet(`${server.url}/_studio/api/v1/workspace`, { ...auth, host: `evil.example:${server.port}` })).toBe(403);
    expect(await rawGet(`${server.url}/_studio/api/v1/workspace`, { ...auth, host: `localhost:${server.port}` })).toBe(200);
    expect(await rawGet(`${server.url}/_studio/api/v1/workspace`, { ...auth, host: `localhost:${server.port + 1}` })).toBe(403);
  });

  it('creates, reads, saves and lists an actionflow with its revision', async () => {
    const server = await runningServer();
    expect((await admin(server, 'POST', '/applications', { name: 'Shop' })).status).toBe(201);
    const created = await admin(server, 'POST', '/applications/Shop/actionflows', endpointFlow('Orders'));
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ application: 'Shop', revision: 1, flow: { name: 'Orders', api: { enabled: true, mode: 'sync' } } });
    const saved = await admin(server, 'PUT', '/applications/Shop/actionflows/Orders', {
      baseRevision: 1,
      flow: { ...endpointFlow('Orders'), description: 'v2' },
    });
    expect(saved.body).toMatchObject({ revision: 2, flow: { description: 'v2' } });
    const summary = await admin(server, 'GET', '/workspace');
    expect(summary.body.applications).toEqual([
      expect.objectContaining({
        name: 'Shop',
        actionflows: [expect.objectContaining({ name: 'Orders', revision: 2, api: { enabled: true, mode: 'sync', allowAnonymous: true } })],
      }),
    ]);
  });

  it('answers 409 to a save based on a stale revision and keeps the newer flow', async () => {
    const server = await runningServer();
    await admin(server, 'POST', '/applications', { name: 'Shop' });
    await admin(server, 'POST', '/applications/Shop/actionflows', endpointFlow('Orders'));
    await admin(server, 'PUT', '/applications/Shop/actionflows/Orders', { baseRevision: 1, flow: { ...endpointFlow('Orders'), description: 'first window' } });
    const stale = await admin(server, 'PUT', '/applications/Shop/actionflows/Orders', {
      baseRevision: 1,
      flow: { ...endpointFlow('Orders'), description: 'second window' },
    });
    expect(stale.status).toBe(409);
    expect(stale.body).toMatchObject({ currentRevision: 2, message: expect.stringContaining('changed elsewhere') });
    expect((await admin(server, 'GET', '/applications/Shop/actionflows/Orders')).body.flow.description).toBe('first window');
  });

  it('answers 400 with every problem and its path for an invalid flow, and stores nothing', async () => {
    const server = await runningServer();
    await admin(server, 'POST', '/applications', { name: 'Shop' });
    const flow = endpointFlow('Orders');
    flow.connections.push({ id: 'c2', from: { node: 'out', point: 'out' }, to: { node: 'in', point: 'in' } });
    const refused = await admin(server, 'POST', '/applications/Shop/actionflows', flow);
    expect(refused.status).toBe(400);
    expect(refused.body.problems.map((p: { path: string }) => p.path)).toEqual(['$.connections[1].from.point', '$.connections[1].to.point']);
    expect((await admin(server, 'GET', '/applications/Shop/actionflows/Orders')).status).toBe(404);
  });

  it('answers 400 to a body that is not JSON', async () => {
    const server = await runningServer();
    const refused = await admin(server, 'POST', '/applications', '{"name":', { 'content-type': 'application/json' });
    expect(refused.status).toBe(400);
    expect(refused.body.message).toContain('not valid JSON');
  });

  it('renames a table and the nodes that read it follow', async () => {
    const server = await runningServer();
    expect((await admin(server, 'POST', '/import', exampleWorkspace())).status).toBe(200);
    const renamed = await admin(server, 'PATCH', '/applications/Demo/tables/companies', { name: 'customers' });
    expect(renamed.body).toMatchObject({ name: 'customers' });
    const flow = await admin(server, 'GET', '/applications/Demo/actionflows/Companies%20Since');
    expect(flow.body.flow.nodes.find((n: { type: string }) => n.type === 'readTable').config.table).toBe('customers');
    expect(flow.body.revision).toBe(2);
  });

  it('renames a column: its values move, a type change applies under the new name, and the nodes that name it follow', async () => {
    const server = await runningServer();
    expect((await admin(server, 'POST', '/import', exampleWorkspace())).status).toBe(200);
    const saving = {
      ...endpointFlow('Save Company'),
      nodes: [
        { id: 'in', type: 'apiInput', name: 'In', position: { x: 0, y: 0 } },
        { id: 'w', type: 'saveTable', name: 'Save', position: { x: 250, y: 0 }, config: { table: 'companies', mode: 'upsert', key: 'name' } },
        { id: 'r', type: 'readTable', name: 'Read', position: { x: 500, y: 0 }, config: { table: 'companies', orderBy: '-name' } },
      ],
      connections: [{ id: 'c1', from: { node: 'in', point: 'out' }, to: { node: 'w', point: 'in' } }],
    };
    expect((await admin(server, 'POST', '/applications/Demo/actionflows', saving)).status).toBe(201);

    const columns = [
      { name: 'company', type: 'string' },
      { name: 'since', type: 'string' },
      { name: 'country', type: 'string' },
    ];
    const changed = await admin(server, 'PATCH', '/applications/Demo/tables/companies', { columns, renamedColumns: { name: 'company', onboarded: 'since' } });
    expect(changed.status).toBe(200);
    expect(changed.body.columns).toEqual(columns);
    const rows = await admin(server, 'GET', '/applications/Demo/tables/companies/rows');
    expect(rows.body.rows[0].values).toEqual({ company: 'Acme', since: '2021-03-04', country: 'UK' });

    const save = (await admin(server, 'GET', '/applications/Demo/actionflows/Save%20Company')).body.flow.nodes;
    expect(save.find((n: { id: string }) => n.id === 'w').config).toMatchObject({ table: 'companies', key: 'company' });
    expect(save.find((n: { id: string }) => n.id === 'r').config).toMatchObject({ orderBy: '-company' });
    // An expression naming the old column is the user's text, left as it is.
    const since = (await admin(server, 'GET', '/applications/Demo/actionflows/Companies%20Since')).body.flow.nodes;
    expect(since.find((n: { type: string }) => n.type === 'readTable').config).toMatchObject({ where: 'onboarded > $in.since', orderBy: 'since' });
  });

  it('refuses a column rename that names no stored column, misses the new columns or makes two columns one, changing nothing', async () => {
    const server = await runningServer();
    expect((await admin(server, 'POST', '/import', exampleWorkspace())).status).toBe(200);
    const before = await admin(server, 'GET', '/applications/Demo/tables/companies');
    const patch = (body: unknown) => admin(server, 'PATCH', '/applications/Demo/tables/companies', body);
    const kept = before.body.columns as { name: string; type: string }[];
    const withName = (from: string, to: string) => kept.map((column) => (column.name === from ? { ...column, name: to } : column));

    const unknown = await patch({ columns: kept, renamedColumns: { colour: 'name' } });
    expect(unknown.status).toBe(400);
    expect(unknown.body.message).toBe('cannot rename column "colour": the table has no such column');
    const missing = await patch({ columns: kept, renamedColumns: { name: 'company' } });
    expect(missing.status).toBe(400);
    expect(missing.body.message).toBe('cannot rename column "name" to "company": "company" is not in the new columns');
    const merged = await patch({
      columns: withName('name', 'country').filter((c, i, all) => all.findIndex((d) => d.name === c.name) === i),
      renamedColumns: { name: 'country' },
    });
    expect(merged.status).toBe(400);
    expect(merged.body.message).toBe('columns "name" and "country" would both become "country"; rename or remove one of them');
    const alone = await patch({ renamedColumns: { name: 'company' } });
    expect(alone.status).toBe(400);

    const after = await admin(server, 'GET', '/applications/Demo/tables/companies');
    expect(after.body).toEqual(before.body);
    expect((await admin(server, 'GET', '/applications/Demo/tables/companies/rows')).body.rows[0].values).toEqual({
      name: 'Acme',
      onboarded: '2021-03-04',
      country: 'UK',
    });
  });

  it('swaps two columns’ names with their values', async () => {
    const server = await runningServer();
    expect((await admin(server, 'POST', '/import', exampleWorkspace())).status).toBe(200);
    const columns = [
      { name: 'country', type: 'string' },
      { name: 'onboarded', type: 'date' },
      { name: 'name', type: 'string' },
    ];
    expect(
      (await admin(server, 'PATCH', '/applications/Demo/tables/companies', { columns, renamedColumns: { name: 'country', country: 'name' } })).status,
    ).toBe(200);
    expect((await admin(server, 'GET', '/applications/Demo/tables/companies/rows')).body.rows[0].values).toEqual({
      country: 'Acme',
      onboarded: '2021-03-04',
      name: 'UK',
    });
  });

  it('refuses to delete a referenced table until confirmed, and says where it is used', async () => {
    const server = await runningServer();
    await admin(server, 'POST', '/import', exampleWorkspace());
    const refused = await admin(server, 'DELETE', '/applications/Demo/tables/companies');
    expect(refused.status).toBe(409);
    expect(refused.body.references).toEqual([expect.objectContaining({ description: 'node "Read" in Demo / Companies Since' })]);
    expect((await admin(server, 'DELETE', '/applications/Demo/tables/companies?confirm=true')).status).toBe(204);
    expect((await admin(server, 'GET', '/applications/Demo/tables/companies')).status).toBe(404);
  });

  it('renames an application: calls into it and roles scoped to it follow', async () => {
    const server = await runningServer();
    await admin(server, 'POST', '/import', exampleWorkspace());
    await admin(server, 'POST', '/applications', { name: 'Other' });
    const caller = endpointFlow('Caller');
    caller.nodes.splice(1, 0, {
      id: 'c',
      type: 'callFlow',
      name: 'Call',
      position: { x: 100, y: 0 },
      config: { application: 'Demo', actionflow: 'Companies Since' },
    } as never);
    caller.connections = [
      { id: 'c1', from: { node: 'in', point: 'out' }, to: { node: 'c', point: 'in' } },
      { id: 'c2', from: { node: 'c', point: 'out' }, to: { node: 'out', point: 'in' } },
    ];
    expect((await admin(server, 'POST', '/applications/Other/actionflows', caller)).status).toBe(201);
    await admin(server, 'PATCH', '/applications/Demo', { name: 'Sales' });
    const call = (await admin(server, 'GET', '/applications/Other/actionflows/Caller')).body.flow.nodes.find((n: { id: string }) => n.id === 'c');
    expect(call.config).toEqual({ application: 'Sales', actionflow: 'Companies Since' });
    const exported = await admin(server, 'GET', '/export');
    expect(exported.body.security.roles[0].application).toBe('Sales');
  });

  it('imports with the CLI semantics: refused files change nothing and list their problems', async () => {
    const server = await runningServer();
    const document = exampleWorkspace();
    document.formatVersion = 7;
    const refused = await admin(server, 'POST', '/import', document);
    expect(refused.status).toBe(400);
    expect(refused.body.problems[0]).toMatchObject({ path: '$.formatVersion', message: expect.stringContaining('newer') });
    expect((await admin(server, 'GET', '/workspace')).body.applications).toEqual([]);
  });

  it('validates a flow without storing it', async () => {
    const server = await runningServer();
    const result = await admin(server, 'POST', '/validate/actionflow', {
      flow: { name: 'X', nodes: [{ id: 'a', type: 'nope', name: 'A', position: { x: 0, y: 0 } }] },
    });
    expect(result.body.problems).toEqual([expect.objectContaining({ path: '$.nodes[0].type', nodeId: 'a' })]);
  });

  it('pages and orders table rows, and refuses a row that does not fit', async () => {
    const server = await runningServer({ seedDemo: true });
    const page = await admin(server, 'GET', '/applications/Demo/tables/companies/rows?offset=2&limit=3&orderBy=-name');
    expect(page.body.total).toBe(36);
    expect(page.body.rows.map((r: { values: { name: string } }) => r.values.name)).toEqual(['Wayne Enterprises', 'Virtucon', 'Vandelay']);
    const bad = await admin(server, 'POST', '/applications/Demo/tables/companies/rows', { values: { name: 'X', onboarded: 'yesterday' } });
    expect(bad.status).toBe(400);
    expect(bad.body.problems[0].path).toBe('$.rows[0].onboarded');
  });
});
