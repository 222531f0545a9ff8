import { describe, expect, it } from 'vitest';
import { openDesigner } from './support/designer-browser.js';
import { designerSuite } from './support/designer-suite.js';
import { addNode, canvasNode, dragNode, eventually, flowPosition, openFlow, selectNode } from './support/designer-actions.js';
import type { Page } from 'playwright-core';
import { flow, node } from '../server/engine/engine-harness.js';
import { createFlowElsewhere } from './support/run-tools-actions.js';

const suite = designerSuite();

const nodeIds = (page: Page) => page.locator('.react-flow__node').evaluateAll((nodes) => nodes.map((node) => node.getAttribute('data-id')).sort());
const nodeNames = (page: Page) => page.locator('.flow-node-name').allTextContents();
const unsaved = (page: Page) => page.getByTestId('unsaved').count();

describe('editing history in the designer', () => {
  it('undoes and redoes adding a node, a rename (one step for the typing) and a move, with the buttons and the keyboard', async () => {
    const { page, problems } = await openDesigner(suite.profile, suite.studio.server);
    await openFlow(page, 'Companies Since');
    const original = await nodeIds(page);
    expect(await unsaved(page)).toBe(0);

    const added = await addNode(page, 'debug');
    expect(await nodeIds(page)).toEqual([...original, added].sort());
    expect(await unsaved(page)).toBe(1);

    await page.getByRole('button', { name: 'Undo' }).click();
    await eventually(async () => expect(await nodeIds(page)).toEqual(original));
    expect(await unsaved(page)).toBe(0);
    await page.getByRole('button', { name: 'Redo' }).click();
    await eventually(async () => expect(await nodeIds(page)).toEqual([...original, added].sort()));

    // Typing a new name is one step.
    await selectNode(page, 'p');
    const name = page.getByLabel('Name', { exact: true });
    await name.fill('');
    await name.pressSequentially('Parameters');
    await name.blur();
    expect(await nodeNames(page)).toContain('Parameters');
    await page.locator('.react-flow__pane').click({ position: { x: 10, y: 10 } });
    await page.keyboard.press('Control+z');
    await eventually(async () => expect(await nodeNames(page)).toContain('Params'));
    await page.keyboard.press('Control+Shift+z');
    await eventually(async () => expect(await nodeNames(page)).toContain('Parameters'));

    // A drag is one step, whatever the number of mouse moves.
    const before = await canvasNode(page, 'r').boundingBox();
    await dragNode(page, 'r', { x: 0, y: 120 });
    const after = await canvasNode(page, 'r').boundingBox();
    expect(after!.y).toBeGreaterThan(before!.y + 60);
    await page.keyboard.press('Control+z');
    await eventually(async () => expect((await canvasNode(page, 'r').boundingBox())!.y).toBeCloseTo(before!.y, 0));

    // Back to where it started: nothing unsaved.
    await page.keyboard.press('Control+z');
    await page.keyboard.press('Control+z');
    await eventually(async () => expect(await nodeIds(page)).toEqual(original));
    expect(await nodeNames(page)).toContain('Params');
    expect(await unsaved(page)).toBe(0);
    expect(problems).toEqual([]);
  });

  it('copies, cuts, pastes, deletes and undoes with the keyboard; the API input cannot be deleted', async () => {
    const { page, problems } = await openDesigner(suite.profile, suite.studio.server);
    await openFlow(page, 'Companies Since');
    await selectNode(page, 'p');
    await page.locator('.react-flow__pane').focus();
    await page.keyboard.press('Control+c');
    await page.keyboard.press('Control+v');
    await eventually(async () => expect(await nodeNames(page)).toContain('Params 2'));
    const pasted = await page.locator('.react-flow__node.selected').getAttribute('data-id');
    expect(pasted).toBe('p2');

    await page.keyboard.press('Delete');
    await eventually(async () => expect(await nodeNames(page)).not.toContain('Params 2'));
    await page.keyboard.press('Control+z');
    await eventually(async () => expect(await nodeNames(page)).toContain('Params 2'));

    await selectNode(page, 'p2');
    await page.locator('.react-flow__pane').focus();
    await page.keyboard.press('Control+x');
    await eventually(async () => expect(await nodeNames(page)).not.toContain('Params 2'));
    await page.keyboard.press('Control+v');
    await eventually(async () => expect(await nodeNames(page)).toContain('Params 2'));

    await selectNode(page, 'in');
    await page.locator('.react-flow__pane').focus();
    await page.keyboard.press('Delete');
    expect(await nodeNames(page)).toContain('In');
    expect(problems).toEqual([]);
  });

  it('lays the flow out left to right in one undoable step', async () => {
    const { page, problems } = await openDesigner(suite.profile, suite.studio.server);
    await openFlow(page, 'Companies Since');
    await dragNode(page, 'out', { x: -300, y: 200 });
    const moved = await flowPosition(page, 'out');
    await page.locator('.react-flow__pane').click({ position: { x: 10, y: 10 } });
    await page.keyboard.press('Shift+L');
    await eventually(async () => {
      const [read, out] = [await flowPosition(page, 'r'), await flowPosition(page, 'out')];
      expect(out.x).toBeGreaterThan(read.x + 200);
      expect(Math.abs(out.y - read.y)).toBeLessThan(40);
    });
    await page.keyboard.press('Control+z');
    await eventually(async () => expect(await flowPosition(page, 'out')).toEqual(moved));
    expect(problems).toEqual([]);
  });

  it('lays a gateway’s true branch above its false branch, so that their wires do not cross', async () => {
    const { page, problems } = await openDesigner(suite.profile, suite.studio.server);
    const branching = flow(
      'Branching',
      [
        node('in', 'apiInput'),
        node('g', 'gateway', { condition: 'body = "yes"' }),
        node('no', 'output', { attributes: ['body'] }, 'no'),
        node('yes', 'output', { attributes: ['body'] }, 'yes'),
      ],
      ['g.false->no', 'g.true->yes', 'in->g'],
    );
    // Drawn, and listed, the other way round: the true branch below the false one, so that the wires cross.
    branching.nodes[2]!.position = { x: 700, y: 0 };
    branching.nodes[3]!.position = { x: 700, y: 400 };
    await createFlowElsewhere(page, suite.studio.server, 'Demo', branching);
    await openFlow(page, 'Branching');
    await page.locator('.react-flow__pane').click({ position: { x: 10, y: 10 } });
    await page.keyboard.press('Shift+L');
    await eventually(async () => {
      const [gateway, yes, no] = [await flowPosition(page, 'g'), await flowPosition(page, 'yes'), await flowPosition(page, 'no')];
      expect(yes.x).toBeGreaterThan(gateway.x + 200);
      expect(no.x).toBe(yes.x);
      expect(yes.y).toBeLessThan(no.y);
    });
    expect(problems).toEqual([]);
  });
});
