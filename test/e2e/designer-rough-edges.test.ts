import { describe, expect, it } from 'vitest';
import { openDesigner } from './support/designer-browser.js';
import { designerSuite } from './support/designer-suite.js';
import {
  addNode,
  canvasNode,
  connect,
  createEndpoint,
  dragNode,
  edgeIds,
  eventually,
  expressionEditor,
  openFlow,
  save,
  selectNode,
  showFlowSettings,
} from './support/designer-actions.js';
import { callEndpoint, consoleEntries, createFlowElsewhere, editorText, openPanelTab, slowAsyncEndpoint } from './support/run-tools-actions.js';
import { json } from '../server/engine/local-http-server.js';
import { flow, node } from '../server/engine/engine-harness.js';
import { adminCall } from './support/studio-server.js';

const suite = designerSuite();

describe('the designer’s rough edges', () => {
  it('keeps the top bar and the Save button on screen when the wheel scrolls past the end of the palette or the properties', async () => {
    const { page, problems } = await openDesigner(suite.profile, suite.studio.server);
    await createEndpoint(page, 'Wheel');
    const http = await addNode(page, 'http');
    await selectNode(page, http);
    // A short window with the panel open: the views no longer fit, each must scroll inside itself.
    await page.setViewportSize({ width: 1280, height: 330 });
    await openPanelTab(page, 'Try it');
    for (const panel of ['.palette', '.properties']) {
      const box = (await page.locator(panel).boundingBox())!;
      await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
      for (let step = 0; step < 12; step += 1) await page.mouse.wheel(0, 600);
      await eventually(async () => expect(await page.locator(panel).evaluate((element) => element.scrollTop)).toBeGreaterThan(0));
    }
    expect(
      await page.evaluate(() => [document.scrollingElement!.scrollTop, document.querySelector('.main')!.scrollTop, document.querySelector('.app')!.scrollTop]),
    ).toEqual([0, 0, 0]);
    expect((await page.locator('.topbar').boundingBox())!.y).toBe(0);
    expect(await page.getByRole('button', { name: 'Save', exact: true }).isVisible()).toBe(true);
    expect(problems).toEqual([]);
  });

  it('shows a new HTTP Request’s "Percent-encode values in the URL" on, as it is stored', async () => {
    const { page, problems } = await openDesigner(suite.profile, suite.studio.server);
    await createEndpoint(page, 'Encode');
    const http = await addNode(page, 'http');
    await selectNode(page, http);
    const toggle = page.getByRole('switch', { name: 'Percent-encode values in the URL' });
    expect(await toggle.isChecked()).toBe(true);
    await connect(page, { node: 'in' }, { node: http });
    await save(page);
    const stored = await adminCall(suite.studio.server, 'GET', '/applications/Demo/actionflows/Encode');
    const node = stored.body.flow.nodes.find((candidate: { id: string }) => candidate.id === http);
    expect(node.config.encodeUrlValues).toBe(true);
    expect(problems).toEqual([]);
  });

  it('marks a disabled endpoint in the canvas header and does not call it live', async () => {
    const { page, problems } = await openDesigner(suite.profile, suite.studio.server);
    await createEndpoint(page, 'Switched Off');
    await showFlowSettings(page);
    expect(await page.getByTestId('endpoint-disabled').count()).toBe(0);
    await page.getByText('Enabled', { exact: true }).click();
    await page.getByTestId('endpoint-disabled').waitFor();
    await save(page);
    expect(await page.getByTestId('endpoint-disabled').textContent()).toBe('Disabled');
    expect(await page.locator('.trigger-url .field-description').textContent()).toMatch(/^Disabled: /);
    expect(problems).toEqual([]);
  });

  it('undoes everything typed in an expression field since it took the focus in one step, however slowly it was typed', async () => {
    const { page, problems } = await openDesigner(suite.profile, suite.studio.server);
    await createEndpoint(page, 'Undo Field');
    const calculate = await addNode(page, 'calculate');
    await selectNode(page, calculate);
    const field = expressionEditor(page, 'Expression');
    const before = await editorText(field);
    const content = field.locator('.cm-content');
    await content.click();
    await content.press('End');
    // Slower than CodeMirror's default grouping of 500 ms.
    await content.pressSequentially(' & 1', { delay: 700 });
    expect(await editorText(field)).toBe(`${before} & 1`);
    await content.press('ControlOrMeta+z');
    expect(await editorText(field)).toBe(before);
    await content.press('ControlOrMeta+Shift+z');
    expect(await editorText(field)).toBe(`${before} & 1`);
    expect(problems).toEqual([]);
  });

  it('replaces the whole text of Try it’s body and of an expression field with no Content-Security-Policy report', async () => {
    const { page, problems } = await openDesigner(suite.profile, suite.studio.server);
    await createEndpoint(page, 'Typed Over');
    const calculate = await addNode(page, 'calculate');
    await selectNode(page, calculate);
    const field = expressionEditor(page, 'Expression');
    const expression = field.locator('.cm-content');
    await expression.click();
    await expression.press('ControlOrMeta+a');
    await expression.pressSequentially('1 +');
    await expression.press('Enter');
    await expression.pressSequentially('2');
    await expression.press('ControlOrMeta+a');
    await expression.pressSequentially('3');
    expect(await editorText(field)).toBe('3');

    await openPanelTab(page, 'Try it');
    const editor = page.getByTestId('try-it-body');
    const body = editor.locator('.cm-content');
    await body.click();
    await body.press('ControlOrMeta+a');
    await body.pressSequentially('{"a": 1}');
    expect(await editorText(editor)).toBe('{"a": 1}');
    await page.waitForTimeout(300);
    expect(problems).toEqual([]);
  });

  it('opens the new run’s entry after a Try it call to a response node, not an older one left open', async () => {
    const { page, problems } = await openDesigner(suite.profile, suite.studio.server);
    const answered = flow('Answered', [node('in', 'apiInput'), node('r', 'response', { body: '{"ok": true}' })], ['in->r']);
    await createFlowElsewhere(page, suite.studio.server, 'Demo', answered);
    await callEndpoint(suite.studio.server, 'Demo', 'Answered');
    await openFlow(page, 'Answered');
    await openPanelTab(page, 'System Console');
    await consoleEntries(page).filter({ hasText: 'Answered' }).first().click();
    const older = await page.getByTestId('console-detail').textContent();

    await openPanelTab(page, 'Try it');
    await page.getByRole('button', { name: 'Send', exact: true }).click();
    await page.getByTestId('reply-body').waitFor();
    await page.getByRole('button', { name: 'Show this endpoint’s entries' }).click();
    await eventually(async () => expect(await consoleEntries(page).count()).toBe(2));
    await eventually(async () => expect(await page.getByTestId('console-detail').textContent()).not.toBe(older));
    const ids = await consoleEntries(page).evaluateAll((rows) => rows.map((row) => row.getAttribute('aria-selected') ?? row.getAttribute('data-selected')));
    expect(ids[0]).toBe('true');
    expect(problems).toEqual([]);
  });

  it('follows an async run from Try it until it ends, shows the status the poll reports, and copies the poll as curl', async () => {
    const { page, problems } = await openDesigner(suite.profile, suite.studio.server);
    const service = await slowAsyncEndpoint(page, suite.studio.server, 'Followed Quote');
    await openFlow(page, 'Followed Quote');
    await openPanelTab(page, 'Try it');
    await page.getByRole('button', { name: 'Send', exact: true }).click();
    await page.getByTestId('try-it-async').waitFor();
    await eventually(() => expect(service.waiting).toHaveLength(1));
    // Polled by itself (Retry-After: 1) while the run goes on.
    await eventually(async () => expect(await page.getByTestId('try-it-async').textContent()).toMatch(/showing poll [1-9]/));
    for (const response of service.waiting) json(response, { value: 7 });
    await eventually(async () => expect(await page.getByTestId('try-it-run-status').textContent()).toBe('Success'));
    const polled = JSON.parse(await editorText(page.getByTestId('reply-body')));
    expect(polled).toMatchObject({ status: 'Success', data: { result: [{ value: 7 }] } });
    // Copy as curl gives the poll of this run after the call.
    await page.getByRole('button', { name: 'Copy as curl' }).click();
    const command = await page.getByTestId('curl-command').textContent();
    expect(command).toContain(`/phixflow/api/1/action/Demo/Followed%20Quote/trigger'`);
    expect(command).toContain(
      `# then poll the run until it ends:\ncurl '${suite.studio.server.url}/phixflow/api/1/action/Demo/Followed%20Quote/poll/${polled.processId}'`,
    );
    await page.keyboard.press('Escape');
    expect(problems).toEqual([]);
  });

  it('hides the minimap when the panel at the bottom leaves the canvas too short for it to stay off the nodes', async () => {
    const { page, problems } = await openDesigner(suite.profile, suite.studio.server);
    await createEndpoint(page, 'Short Canvas');
    expect(await page.locator('.canvas-minimap').isVisible()).toBe(true);
    await openPanelTab(page, 'Try it');
    await eventually(async () => expect(await page.locator('.canvas-minimap').isVisible()).toBe(false));
    await page.getByRole('button', { name: 'Hide panel' }).click();
    await eventually(async () => expect(await page.locator('.canvas-minimap').isVisible()).toBe(true));
    expect(problems).toEqual([]);
  });

  it('keeps a flow that was wholly in view in view when the panel at the bottom opens', async () => {
    const { page, problems } = await openDesigner(suite.profile, suite.studio.server);
    const tall = flow(
      'Tall',
      [
        node('in', 'apiInput'),
        node('g', 'gateway', { condition: 'body = "yes"' }),
        node('yes', 'output', { attributes: ['body'] }, 'yes'),
        node('no', 'output', { attributes: ['body'] }, 'no'),
      ],
      ['in->g', 'g.true->yes', 'g.false->no'],
    );
    tall.nodes[1]!.position = { x: 300, y: 300 };
    tall.nodes[2]!.position = { x: 600, y: 0 };
    tall.nodes[3]!.position = { x: 600, y: 600 };
    await createFlowElsewhere(page, suite.studio.server, 'Demo', tall);
    await openFlow(page, 'Tall');
    const pane = page.locator('.react-flow__pane');
    const inView = async (id: string) => {
      const [node, view] = [(await canvasNode(page, id).boundingBox())!, (await pane.boundingBox())!];
      return node.y >= view.y && node.y + node.height <= view.y + view.height && node.x >= view.x && node.x + node.width <= view.x + view.width;
    };
    for (const id of ['in', 'g', 'yes', 'no']) expect(await inView(id)).toBe(true);
    await openPanelTab(page, 'System Console');
    await eventually(async () => {
      for (const id of ['in', 'g', 'yes', 'no']) expect(await inView(id), id).toBe(true);
    });
    expect(problems).toEqual([]);
  });

  it('opens a context menu on a right-click: duplicate or delete a node, select all on the canvas', async () => {
    const { page, problems } = await openDesigner(suite.profile, suite.studio.server);
    await createEndpoint(page, 'Right Clicks');
    const calculate = await addNode(page, 'calculate');
    await showFlowSettings(page);
    await canvasNode(page, calculate).locator('.flow-node-header').click({ button: 'right' });
    const menu = page.getByRole('menu', { name: 'Canvas actions' });
    expect(await menu.getByRole('menuitem').allTextContents()).toEqual(['Copy', 'Cut', 'Duplicate', 'Delete', 'Auto-layout', 'Fit view']);
    await menu.getByRole('menuitem', { name: 'Duplicate' }).click();
    await eventually(async () => expect(await page.locator('.react-flow__node').count()).toBe(4));

    await canvasNode(page, calculate).locator('.flow-node-header').click({ button: 'right' });
    await page.getByRole('menu', { name: 'Canvas actions' }).getByRole('menuitem', { name: 'Delete' }).click();
    await eventually(async () => expect(await canvasNode(page, calculate).count()).toBe(0));

    const pane = (await page.locator('.react-flow__pane').boundingBox())!;
    await page.mouse.click(pane.x + 20, pane.y + 20, { button: 'right' });
    await page.getByRole('menu', { name: 'Canvas actions' }).getByRole('menuitem', { name: 'Select all' }).click();
    await eventually(async () => expect(await page.locator('.react-flow__node.selected').count()).toBe(3));
    expect(problems).toEqual([]);
  });

  it('offers the node types where a wire is let go on the empty canvas, and adds the one chosen there, connected', async () => {
    const { page, problems } = await openDesigner(suite.profile, suite.studio.server);
    await createEndpoint(page, 'Quick Add');
    const source = (await page.locator('.react-flow__handle.source[data-nodeid="in"]').boundingBox())!;
    const pane = (await page.locator('.react-flow__pane').boundingBox())!;
    await page.mouse.move(source.x + source.width / 2, source.y + source.height / 2);
    await page.mouse.down();
    await page.mouse.move(source.x + 120, pane.y + pane.height - 80, { steps: 6 });
    await page.mouse.move(source.x + 140, pane.y + pane.height - 60, { steps: 6 });
    await page.mouse.up();
    const menu = page.getByRole('menu', { name: 'Add a node here' });
    await menu.waitFor();
    await menu.getByRole('menuitem', { name: 'Debug', exact: true }).click();
    await eventually(async () => expect(await page.locator('.react-flow__node').count()).toBe(3));
    const added = await page.locator('.react-flow__node.selected').getAttribute('data-id');
    // The wire became a connection from the API input to the new node.
    await eventually(async () => expect(await page.locator('.react-flow__edge').count()).toBe(2));
    expect(await canvasNode(page, added!).getAttribute('data-id')).toMatch(/^debug/);
    expect(problems).toEqual([]);
  });

  it('adds a node from the palette clear of the one in the middle of the view, and puts a node dragged onto a connection, from the canvas or the palette, into it', async () => {
    const { page, problems } = await openDesigner(suite.profile, suite.studio.server);
    const spliced = flow('Spliced', [node('in', 'apiInput'), node('o', 'output', { attributes: ['body'] }, 'result')], ['in->o']);
    spliced.nodes[1]!.position = { x: 700, y: 0 };
    await createFlowElsewhere(page, suite.studio.server, 'Demo', spliced);
    await openFlow(page, 'Spliced');

    // Two clicks on the palette: the second node goes below the first, not on top of it.
    const first = await addNode(page, 'calculate');
    const second = await addNode(page, 'debug');
    const [above, below] = [(await canvasNode(page, first).boundingBox())!, (await canvasNode(page, second).boundingBox())!];
    expect(below.y).toBeGreaterThanOrEqual(above.y + above.height);

    // Dropped with its header on the middle of the wire, the debug node goes into the connection.
    const wire = (await page.locator('.react-flow__edge[data-id="in->o"]').boundingBox())!;
    const header = (await canvasNode(page, second).locator('.flow-node-header').boundingBox())!;
    await dragNode(page, second, { x: wire.x + wire.width / 2 - (header.x + header.width / 2), y: wire.y + wire.height / 2 - (header.y + header.height / 2) });
    await eventually(async () => expect(await page.locator('.react-flow__edge').count()).toBe(2));

    // A Filter dragged from the palette onto the connection from the debug node to the output goes into it too.
    const after = (await edgeIds(page)).find((id) => id !== 'in->o')!;
    const nextWire = (await page.locator(`.react-flow__edge[data-id="${after}"]`).boundingBox())!;
    const pane = (await page.locator('.react-flow__pane').boundingBox())!;
    await page.locator('.palette-item[data-node-type="filter"]').dragTo(page.locator('.react-flow__pane'), {
      targetPosition: { x: nextWire.x + nextWire.width / 2 - pane.x, y: nextWire.y + nextWire.height / 2 - pane.y },
    });
    await eventually(async () => expect(await page.locator('.react-flow__edge').count()).toBe(3));
    const filter = await page.locator('.react-flow__node.selected').getAttribute('data-id');
    expect(filter).toMatch(/^filter/);

    await save(page);
    const stored = (await adminCall(suite.studio.server, 'GET', '/applications/Demo/actionflows/Spliced')).body.flow;
    const routes = stored.connections.map((connection: { from: { node: string }; to: { node: string } }) => `${connection.from.node}->${connection.to.node}`);
    expect(routes.sort()).toEqual([`${filter}->o`, `${second}->${filter}`, `in->${second}`].sort());
    // And the endpoint answers through it.
    const reply = await callEndpoint(suite.studio.server, 'Demo', 'Spliced', { method: 'POST', body: 'through' });
    expect(reply.status).toBe(200);
    expect(reply.body.data.result).toEqual([{ body: 'through' }]);
    expect(problems).toEqual([]);
  });

  it('creates an application from the New API Endpoint dialog', async () => {
    const { page, problems } = await openDesigner(suite.profile, suite.studio.server);
    await page.getByRole('button', { name: 'New API Endpoint' }).first().click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('button', { name: /Application/ }).click();
    await page.getByRole('option', { name: 'New application…' }).click();
    await dialog.getByLabel('New application name').fill('Shop');
    await dialog.getByLabel('Endpoint name').fill('Orders');
    await dialog.getByRole('button', { name: 'Create and open' }).click();
    await canvasNode(page, 'in').waitFor();
    expect(await page.getByRole('navigation', { name: 'Breadcrumbs' }).textContent()).toContain('Shop');
    const stored = await adminCall(suite.studio.server, 'GET', '/applications/Shop/actionflows/Orders');
    expect(stored.status).toBe(200);
    expect(problems).toEqual([]);
  });

  it('finds node types by the words of Node-RED and n8n in the palette, and the Gateway’s help says what it does, its points, settings and how a new one starts', async () => {
    const { page, problems } = await openDesigner(suite.profile, suite.studio.server);
    await createEndpoint(page, 'Help Me');
    const search = page.getByRole('searchbox', { name: 'Search node types' });
    const words: [string, string][] = [
      ['if', 'Gatewayfor “if”'],
      ['router', 'Gatewayfor “router”'],
      ['function', 'Calculatefor “function”'],
      ['transform', 'Calculatefor “transform”'],
      ['json', 'Calculatefor “json”: with $parseJson(body) in an expression'],
      ['log', 'Debugfor “log”'],
      ['subflow', 'Call Flowfor “subflow”'],
    ];
    for (const [word, entry] of words) {
      await search.fill(word);
      await eventually(async () => expect(await page.locator('.palette-item').allTextContents()).toContain(entry));
    }
    await search.fill('switch');
    await eventually(async () => expect(await page.locator('.palette-item').allTextContents()).toEqual(['Gatewayfor “switch”']));
    await page.getByRole('button', { name: 'Help on Gateway' }).click();
    const help = page.getByTestId('node-help');
    await help.waitFor();
    const text = await help.textContent();
    expect(text).toContain('Takes records at “in”; sends them on from “true”, “false”.');
    expect(text).toContain('Condition');
    expect(text).toContain('"condition": "true"');
    await page.keyboard.press('Escape');
    await help.waitFor({ state: 'detached' });
    expect(problems).toEqual([]);
  });
});
