import type { Locator, Page } from 'playwright-core';
import type { RunningServer } from '../../../server/start-server.js';
import { adminCall } from './studio-server.js';

/** Opens an admin screen by its entry in the side list. */
export async function openAdminSection(page: Page, title: string): Promise<void> {
  await page.getByRole('link', { name: 'Admin', exact: true }).click();
  await page.getByRole('tab', { name: title, exact: true }).click();
  await page.getByRole('heading', { level: 2, name: title, exact: true }).waitFor();
}

/** The row of an admin table whose first cell is `name`. */
export function adminRow(page: Page, table: string, name: string): Locator {
  return page
    .getByRole('grid', { name: table })
    .getByRole('row')
    .filter({ has: page.getByRole('rowheader', { name, exact: false }) });
}

/** The dialog open now. */
export const dialog = (page: Page): Locator => page.getByRole('dialog');

/** Creates an API endpoint that needs an API key (no anonymous calls): its input straight to an output named `result`. */
export async function createKeyedEndpoint(server: RunningServer, application: string, name: string): Promise<void> {
  const created = await adminCall(server, 'POST', `/applications/${encodeURIComponent(application)}/actionflows`, {
    name,
    api: { enabled: true, allowAnonymous: false, mode: 'sync' },
    nodes: [
      { id: 'in', type: 'apiInput', name: 'In', position: { x: 0, y: 0 } },
      { id: 'greet', type: 'calculate', name: 'Greet', position: { x: 280, y: 0 }, config: { attributes: [{ name: 'greeting', expression: '"hello"' }] } },
      { id: 'result', type: 'output', name: 'result', position: { x: 560, y: 0 }, config: { attributes: ['greeting'] } },
    ],
    connections: [
      { id: 'c1', from: { node: 'in', point: 'out' }, to: { node: 'greet', point: 'in' } },
      { id: 'c2', from: { node: 'greet', point: 'out' }, to: { node: 'result', point: 'in' } },
    ],
  });
  if (created.status !== 201 && created.status !== 200) throw new Error(`could not create ${name}: ${JSON.stringify(created.body)}`);
}
