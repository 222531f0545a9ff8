import { describe, expect, it } from 'vitest';
import { adminCall } from './support/studio-server.js';
import { openDesigner } from './support/designer-browser.js';
import { designerSuite } from './support/designer-suite.js';
import {
  addNode,
  canvasNode,
  dragNode,
  connect,
  createEndpoint,
  edgeIds,
  eventually,
  expressionEditor,
  save,
  selectNode,
  showFlowSettings,
  typeExpression,
} from './support/designer-actions.js';

const suite = designerSuite();

const trigger = (name: string, body: unknown) =>
  fetch(`${suite.studio.server.url}/phixflow/api/1/action/Demo/${encodeURIComponent(name)}/trigger`, { method: 'POST', body: JSON.stringify(body) }).then(
    async (reply) => ({
      status: reply.status,
      body: await reply.json(),
    }),
  );

describe('a gateway flow in the designer', () => {
  it('draws the gateway with labelled true and false points and routes records by its condition once saved', async () => {
    const { page, problems } = await openDesigner(suite.profile, suite.studio.server);
    await createEndpoint(page, 'Adults');

    await page.locator('.react-flow__edge[data-id="c1"]').click({ force: true });
    await page.keyboard.press('Delete');
    await eventually(async () => expect(await edgeIds(page)).toEqual([]));

    const gateway = await addNode(page, 'gateway');
    const ports = canvasNode(page, gateway).locator('.flow-node-port-label');
    expect(await ports.allTextContents()).toEqual(['true', 'false']);
    await typeExpression(expressionEditor(page, 'Condition'), '$parseJson(body).age >= 18');

    const rejected = await addNode(page, 'output');
    await page.getByLabel('Name (the output’s key in $.data)').fill('minors');

    await connect(page, { node: 'in' }, { node: gateway });
    await connect(page, { node: gateway, point: 'true' }, { node: 'result' });
    await connect(page, { node: gateway, point: 'false' }, { node: rejected });
    await eventually(async () => expect(await edgeIds(page)).toHaveLength(3));

    await showFlowSettings(page);
    await page.getByText('Allow Anonymous Connections', { exact: true }).click();
    await save(page);

    const stored = await adminCall(suite.studio.server, 'GET', '/applications/Demo/actionflows/Adults');
    const links = stored.body.flow.connections.map(
      (c: { from: { node: string; point: string }; to: { node: string } }) => `${c.from.node}.${c.from.point}->${c.to.node}`,
    );
    expect(links.sort()).toEqual([`${gateway}.false->${rejected}`, `${gateway}.true->result`, `in.out->${gateway}`].sort());

    const adult = await trigger('Adults', { age: 30 });
    expect(adult.status).toBe(200);
    expect(adult.body.data.result).toHaveLength(1);
    expect(adult.body.data.minors).toEqual([]);
    const minor = await trigger('Adults', { age: 12 });
    expect(minor.body.data.result).toEqual([]);
    expect(minor.body.data.minors).toHaveLength(1);

    expect(problems).toEqual([]);
  });

  it('refuses a connection that would loop back', async () => {
    const { page } = await openDesigner(suite.profile, suite.studio.server);
    await createEndpoint(page, 'No Loops');
    const first = await addNode(page, 'calculate');
    const second = await addNode(page, 'filter');
    await dragNode(page, second, { x: 0, y: 160 });
    await connect(page, { node: first }, { node: second });
    await eventually(async () => expect(await edgeIds(page)).toHaveLength(2));
    await connect(page, { node: second }, { node: first });
    expect(await edgeIds(page)).toHaveLength(2);
    await selectNode(page, first);
  });
});
