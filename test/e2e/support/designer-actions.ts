import { expect } from 'vitest';
import type { Locator, Page } from 'playwright-core';

/** Waits until `check` passes (the UI updates asynchronously), failing with its last error after `timeout` ms. */
export async function eventually(check: () => Promise<void> | void, timeout = 10_000): Promise<void> {
  const deadline = Date.now() + timeout;
  for (;;) {
    try {
      await check();
      return;
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}

/** The canvas node with flow node id `id`. */
export const canvasNode = (page: Page, id: string): Locator => page.locator(`.react-flow__node[data-id="${id}"]`);

/** The card drawn for a node (it carries `aria-invalid` when the node has problems). */
export const nodeCard = (page: Page, id: string): Locator => canvasNode(page, id).locator('.flow-node');

/** A node's position on the canvas in flow coordinates (independent of zoom and pan). */
export async function flowPosition(page: Page, id: string): Promise<{ x: number; y: number }> {
  const transform = await canvasNode(page, id).evaluate((element) => (element as HTMLElement).style.transform);
  const [, x, y] = /translate\(([-\d.]+)px, ?([-\d.]+)px\)/.exec(transform) ?? [];
  return { x: Number(x), y: Number(y) };
}

/** Creates an API endpoint from the home's "New API Endpoint" dialog and waits for its canvas. */
export async function createEndpoint(page: Page, name: string): Promise<void> {
  await page.getByRole('button', { name: 'New API Endpoint' }).first().click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Endpoint name').fill(name);
  await dialog.getByRole('button', { name: 'Create and open' }).click();
  await canvasNode(page, 'in').waitFor();
  await canvasNode(page, 'result').waitFor();
}

/** Opens a flow of the home by its name. */
export async function openFlow(page: Page, name: string): Promise<void> {
  await page.getByRole('link', { name: new RegExp(`^${name}`) }).click();
  await page.locator('.react-flow__node').first().waitFor();
}

/** Adds a node of `type` from the palette (in the middle of the view) and returns its id. */
export async function addNode(page: Page, type: string): Promise<string> {
  const before = await page.locator('.react-flow__node').count();
  await page.locator(`.palette-item[data-node-type="${type}"]`).click();
  await eventually(async () => expect(await page.locator('.react-flow__node').count()).toBe(before + 1));
  const id = await page.locator('.react-flow__node.selected').getAttribute('data-id');
  return id!;
}

/** Moves a node by dragging its header. */
export async function dragNode(page: Page, id: string, by: { x: number; y: number }): Promise<void> {
  const box = (await canvasNode(page, id).locator('.flow-node-header').boundingBox())!;
  const start = { x: box.x + box.width / 2, y: box.y + box.height / 2 };
  await page.mouse.move(start.x, start.y);
  await page.mouse.down();
  await page.mouse.move(start.x + by.x / 2, start.y + by.y / 2, { steps: 5 });
  await page.mouse.move(start.x + by.x, start.y + by.y, { steps: 5 });
  await page.mouse.up();
}

const handle = (page: Page, node: string, point: string, kind: 'source' | 'target') =>
  page.locator(`.react-flow__handle.${kind}[data-nodeid="${node}"][data-handleid="${point}"]`);

/** Connects an output point to an input point by dragging from one handle to the other. */
export async function connect(page: Page, from: { node: string; point?: string }, to: { node: string; point?: string }): Promise<void> {
  const source = (await handle(page, from.node, from.point ?? 'out', 'source').boundingBox())!;
  const target = (await handle(page, to.node, to.point ?? 'in', 'target').boundingBox())!;
  await page.mouse.move(source.x + source.width / 2, source.y + source.height / 2);
  await page.mouse.down();
  await page.mouse.move((source.x + target.x) / 2, (source.y + target.y) / 2, { steps: 5 });
  await page.mouse.move(target.x + target.width / 2, target.y + target.height / 2, { steps: 5 });
  await page.mouse.up();
}

/** The ids of the connections drawn on the canvas. */
export async function edgeIds(page: Page): Promise<string[]> {
  return page.locator('.react-flow__edge').evaluateAll((edges) => edges.map((edge) => edge.getAttribute('data-id') ?? ''));
}

/** Selects a node by clicking its header. */
export async function selectNode(page: Page, id: string): Promise<void> {
  await canvasNode(page, id).locator('.flow-node-header').click();
  await page.getByTestId('node-properties').waitFor();
}

/** Clears the selection, showing the flow's and the endpoint's settings. */
export async function showFlowSettings(page: Page): Promise<void> {
  const pane = (await page.locator('.react-flow__pane').boundingBox())!;
  await page.mouse.click(pane.x + 12, pane.y + 12);
  await page.getByTestId('flow-settings').waitFor();
}

/** The expression editor of the properties field labelled `label` (the `index`th one, for lists). */
export function expressionEditor(page: Page, label: string, index = 0): Locator {
  return page
    .locator('.properties .expression-field')
    .filter({ has: page.locator('.field-label', { hasText: new RegExp(`^${label}$`) }) })
    .nth(index);
}

/** Replaces the text of an expression editor by typing, as a user would. */
export async function typeExpression(field: Locator, text: string): Promise<void> {
  const content = field.locator('.cm-content');
  await content.click();
  await content.press('ControlOrMeta+a');
  await content.press('Backspace');
  await content.pressSequentially(text);
}

/** Saves with the toolbar's button and waits until the flow is no longer marked unsaved. */
export async function save(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await page.getByTestId('unsaved').waitFor({ state: 'detached' });
}

/** Chooses `action` in the "more" menu labelled `menu`. */
export async function menuAction(page: Page, menu: string, action: string): Promise<void> {
  await page.getByRole('button', { name: menu, exact: true }).click();
  await page.getByRole('menuitem', { name: action }).click();
}
