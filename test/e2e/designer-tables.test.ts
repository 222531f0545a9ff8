import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { flow, node } from '../server/engine/engine-harness.js';
import { eventually } from './support/designer-actions.js';
import { openDesigner } from './support/designer-browser.js';
import { designerSuite } from './support/designer-suite.js';
import { callEndpoint, withoutFailedLoads } from './support/run-tools-actions.js';
import { adminCall } from './support/studio-server.js';

const suite = designerSuite();

const PRODUCTS = [
  { name: 'name', type: 'string' },
  { name: 'price', type: 'number' },
  { name: 'active', type: 'boolean' },
  { name: 'added', type: 'date' },
];

/** Creates a table over the admin API and opens its page in the designer. */
async function openNewTable(page: Page, name: string): Promise<void> {
  expect((await adminCall(suite.studio.server, 'POST', '/applications/Demo/tables', { name, columns: PRODUCTS })).status).toBe(201);
  await page.reload();
  await page.getByRole('link', { name: new RegExp(`^${name}`) }).click();
  await page.getByRole('grid', { name: 'Rows' }).waitFor();
}

/** A row's Edit or Delete button, found by the name in the row (row ids are the table store's, not 1, 2, 3…). */
const rowButton = (page: Page, name: string, action: 'Edit' | 'Delete') =>
  page
    .getByRole('grid', { name: 'Rows' })
    .getByRole('row')
    .filter({ hasText: name })
    .getByRole('button', { name: new RegExp(`^${action} row`) });

const gridNames = (page: Page) => page.getByRole('grid', { name: 'Rows' }).getByRole('rowheader').allTextContents();

describe('a table in the designer', () => {
  it('imports rows from a CSV file with a preview and each row’s problems, and an endpoint reads them back', async () => {
    const { page, problems } = await openDesigner(suite.profile, suite.studio.server);
    await openNewTable(page, 'products');

    await page.getByRole('button', { name: 'Import CSV…' }).click();
    const csv = [
      'name,price,active,added,colour',
      'Widget,9.5,yes,2024-01-02,red',
      'Gadget,12,false,,blue',
      '"Thing, large",abc,true,2024-02-30,green',
      '',
    ].join('\r\n');
    await page.getByTestId('csv-file').setInputFiles({ name: 'products.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    const summary = page.getByTestId('csv-summary');
    await summary.waitFor();
    expect(await summary.textContent()).toBe('3 rows read, 1 with problems (not imported). Ignored (not columns of the table): colour.');
    expect(await page.getByRole('list', { name: 'Rows with problems' }).textContent()).toBe(
      'Row 3: price: expected a number, got "abc"; added: expected a date YYYY-MM-DD, got "2024-02-30"',
    );
    await page.getByRole('button', { name: 'Import 2 rows, skip 1' }).click();
    await page.getByText('Imported 2 rows into “products”').waitFor();
    await eventually(async () => expect(await page.getByTestId('rows-range').textContent()).toBe('1–2 of 2 rows'));
    expect(await gridNames(page)).toEqual(['Widget', 'Gadget']);

    const reader = flow(
      'Products',
      [node('in', 'apiInput'), node('r', 'readTable', { table: 'products', orderBy: 'name' }, 'Read'), node('o', 'output', {}, 'products')],
      ['in->r', 'r->o'],
    );
    expect((await adminCall(suite.studio.server, 'POST', '/applications/Demo/actionflows', reader)).status).toBe(201);
    const read = await callEndpoint(suite.studio.server, 'Demo', 'Products');
    expect(read.status).toBe(200);
    expect(read.body.data.products).toEqual([
      { name: 'Gadget', price: 12, active: false, added: null },
      { name: 'Widget', price: 9.5, active: true, added: '2024-01-02' },
    ]);
    expect(problems).toEqual([]);
  });

  it('renames a column in the Columns dialog: its values stay, and a Save Table key that names it follows', async () => {
    const { page, problems } = await openDesigner(suite.profile, suite.studio.server);
    await openNewTable(page, 'parts');
    const rows = [{ values: { name: 'Nut', price: 0.1 } }, { values: { name: 'Gear', price: 4 } }];
    for (const row of rows) expect((await adminCall(suite.studio.server, 'POST', '/applications/Demo/tables/parts/rows', row)).status).toBe(201);
    const writer = flow('Save Part', [node('in', 'apiInput'), node('w', 'saveTable', { table: 'parts', mode: 'upsert', key: 'name' }, 'Save')], ['in->w']);
    expect((await adminCall(suite.studio.server, 'POST', '/applications/Demo/actionflows', writer)).status).toBe(201);
    await page.reload();
    await page.getByRole('grid', { name: 'Rows' }).waitFor();

    await page.getByRole('button', { name: 'Columns…' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Name of column name').fill('part');
    await dialog.getByLabel('Name of column price').fill('cost');
    await dialog.getByText('Saving renames “name” to “part”, “price” to “cost”; the values move with them').waitFor();
    await dialog.getByRole('button', { name: 'Save columns' }).click();
    await dialog.waitFor({ state: 'detached' });

    await page.getByRole('columnheader', { name: /^cost/ }).waitFor();
    await eventually(async () => expect(await gridNames(page)).toEqual(['Nut', 'Gear']));
    const stored = await adminCall(suite.studio.server, 'GET', '/applications/Demo/tables/parts/rows');
    expect(stored.body.rows.map((row: { values: unknown }) => row.values)).toEqual([
      { part: 'Nut', cost: 0.1 },
      { part: 'Gear', cost: 4 },
    ]);
    const saved = await adminCall(suite.studio.server, 'GET', '/applications/Demo/actionflows/Save%20Part');
    expect(saved.body.flow.nodes.find((n: { id: string }) => n.id === 'w').config.key).toBe('part');
    expect(problems).toEqual([]);
  });

  it('adds a row with Enter from a field, numbers it 1, and an empty table without columns asks for columns first', async () => {
    const { page, problems } = await openDesigner(suite.profile, suite.studio.server);
    await openNewTable(page, 'keyed');
    expect(await page.locator('.rows-empty').textContent()).toBe('No rows yet: add one, or import a CSV file.');
    await page.getByRole('button', { name: 'Add row' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('name (string)').fill('Washer');
    await dialog.getByLabel('name (string)').press('Enter');
    await dialog.waitFor({ state: 'detached' });
    await eventually(async () => expect(await gridNames(page)).toEqual(['Washer']));
    // Numbered as listed: a new table's first row is 1, whatever the store's ids.
    expect(await page.getByRole('grid', { name: 'Rows' }).locator('.rows-grid-row .rows-grid-id').allTextContents()).toEqual(['1']);

    expect((await adminCall(suite.studio.server, 'POST', '/applications/Demo/tables', { name: 'bare', columns: [] })).status).toBe(201);
    await page.evaluate(() => (window.location.hash = '#/apps/Demo/tables/bare'));
    await eventually(async () => expect(await page.locator('.rows-empty').textContent()).toBe('No columns yet: add some with Columns…, then rows.'));
    expect(await page.getByRole('button', { name: 'Add row' }).isDisabled()).toBe(true);
    expect(problems).toEqual([]);
  });

  it('adds, edits, sorts, deletes and exports rows, showing the server’s problem on its field', async () => {
    const { page, problems } = await openDesigner(suite.profile, suite.studio.server);
    await openNewTable(page, 'stock');

    for (const [name, price] of [
      ['Bolt', '0.25'],
      ['Anvil', '80'],
    ] as const) {
      await page.getByRole('button', { name: 'Add row' }).click();
      const dialog = page.getByRole('dialog');
      await dialog.getByLabel('name (string)').fill(name);
      await dialog.getByLabel('price (number)').fill(price);
      await dialog.getByRole('button', { name: 'Add row' }).click();
      await dialog.waitFor({ state: 'detached' });
    }
    await eventually(async () => expect(await gridNames(page)).toEqual(['Bolt', 'Anvil']));

    // A typed value that does not fit is refused before anything is sent.
    await rowButton(page, 'Bolt', 'Edit').click();
    let dialog = page.getByRole('dialog');
    await dialog.getByLabel('price (number)').fill('cheap');
    await dialog.getByRole('button', { name: 'Save row' }).click();
    await dialog.getByText('expected a number, got "cheap"').waitFor();
    // The server's own problem lands on its field: the column went away while the dialog was open.
    await dialog.getByLabel('price (number)').fill('0.3');
    await dialog.getByLabel('added (date)').fill('2024-03-01');
    const columns = PRODUCTS.filter((column) => column.name !== 'added');
    expect((await adminCall(suite.studio.server, 'PATCH', '/applications/Demo/tables/stock', { columns })).status).toBe(200);
    await dialog.getByRole('button', { name: 'Save row' }).click();
    await dialog.getByText('"added" is not a column').waitFor();
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await page.reload();
    await page.getByRole('grid', { name: 'Rows' }).waitFor();

    await rowButton(page, 'Bolt', 'Edit').click();
    dialog = page.getByRole('dialog');
    await dialog.getByLabel('price (number)').fill('0.3');
    await dialog.getByRole('button', { name: 'Save row' }).click();
    await dialog.waitFor({ state: 'detached' });

    await page.getByRole('columnheader', { name: /price/ }).click();
    await eventually(async () => expect(await gridNames(page)).toEqual(['Bolt', 'Anvil']));
    await page.getByRole('columnheader', { name: /price/ }).click();
    await eventually(async () => expect(await gridNames(page)).toEqual(['Anvil', 'Bolt']));

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export CSV' }).click()]);
    expect(download.suggestedFilename()).toBe('stock.csv');
    const text = Buffer.concat(await (await download.createReadStream()).toArray()).toString('utf8');
    expect(text).toBe('name,price,active\r\nAnvil,80,\r\nBolt,0.3,\r\n');

    await rowButton(page, 'Anvil', 'Delete').click();
    await page.getByRole('alertdialog').getByRole('button', { name: 'Delete' }).click();
    await eventually(async () => expect(await gridNames(page)).toEqual(['Bolt']));
    expect(
      (await adminCall(suite.studio.server, 'GET', '/applications/Demo/tables/stock/rows')).body.rows.map((row: { values: unknown }) => row.values),
    ).toEqual([{ name: 'Bolt', price: 0.3, active: null }]);
    // The refused save (400) is the browser's one console line about it.
    expect(withoutFailedLoads(problems, 400)).toEqual([]);
  });
});
