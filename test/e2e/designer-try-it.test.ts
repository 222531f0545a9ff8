import { describe, expect, it } from 'vitest';
import { json } from '../server/engine/local-http-server.js';
import { canvasNode, eventually, openFlow, selectNode, typeExpression } from './support/designer-actions.js';
import { openDesigner } from './support/designer-browser.js';
import { designerSuite } from './support/designer-suite.js';
import { callEndpoint, consoleEntries, editorText, openPanelTab, slowAsyncEndpoint, detailStatusBecomes } from './support/run-tools-actions.js';
import { adminCall } from './support/studio-server.js';

const suite = designerSuite();

/** Try it's tabs for the request (Body, Query, Headers, API key). */
const requestTab = (page: import('playwright-core').Page, name: string) =>
  page.getByRole('tablist', { name: 'Request' }).getByRole('tab', { name: new RegExp(`^${name}`) });

describe('Try it', () => {
  it('calls the open endpoint and shows the reply’s status, body, headers and time, then opens its console entry', async () => {
    const { page, problems } = await openDesigner(suite.profile, suite.studio.server);
    await openFlow(page, 'Companies Since');
    await openPanelTab(page, 'Try it');
    expect(await page.getByTestId('try-it-url').textContent()).toBe(`${suite.studio.server.url}/phixflow/api/1/action/Demo/Companies%20Since/trigger`);

    await typeExpression(page.getByTestId('try-it-body'), '{"since": "2024-06-01"}');
    await page.getByRole('button', { name: 'Send', exact: true }).click();
    await page.getByTestId('reply-status').waitFor();
    expect(await page.getByTestId('reply-status').textContent()).toBe('200 OK');
    expect(await page.getByTestId('reply-time').textContent()).toMatch(/^(\d+ ms|\d+\.\d\d s)$/);
    const reply = JSON.parse(await editorText(page.getByTestId('reply-body')));
    expect(reply.status).toBe('Success');
    expect(reply.data.companies).toEqual([
      { name: 'Rekall', onboarded: '2024-08-11' },
      { name: 'Weyland', onboarded: '2024-09-25' },
      { name: 'Blue Sun', onboarded: '2024-12-08' },
    ]);

    await page
      .getByRole('tablist', { name: 'Reply' })
      .getByRole('tab', { name: /^Headers/ })
      .click();
    expect(await page.locator('.reply-headers').textContent()).toContain('application/json; charset=utf-8');

    await page.getByRole('button', { name: 'Open its console entry' }).click();
    const detail = page.getByTestId('console-detail');
    await detail.waitFor();
    await eventually(async () => expect(await detail.textContent()).toContain(reply.processId));
    // The reply can reach Try it before the console has written the run's end.
    await detailStatusBecomes(page, 'Success');
    expect(problems).toEqual([]);
  });

  it('copies the request as curl on the public base URL, the key masked unless asked for, and never stores the key', async () => {
    suite.studio.server.stores.settings.update({ publicBaseUrl: 'https://api.example.com/base' });
    try {
      const { page, problems } = await openDesigner(suite.profile, suite.studio.server);
      await openFlow(page, 'Company Lookup');
      await openPanelTab(page, 'Try it');
      await page.getByRole('button', { name: 'Method' }).click();
      await page.getByRole('option', { name: 'GET' }).click();
      await requestTab(page, 'Query').click();
      await page.getByRole('button', { name: 'Add parameter' }).click();
      await page.getByLabel('parameter 1 name').fill('name');
      await page.getByLabel('parameter 1 value').fill('Acme');
      await requestTab(page, 'API key').click();
      await page.getByRole('textbox', { name: 'API key' }).fill('key-that-stays-in-memory');

      await page.getByRole('button', { name: 'Copy as curl' }).click();
      const command = page.getByTestId('curl-command');
      const masked = await command.textContent();
      expect(masked).toContain(`curl 'https://api.example.com/base/phixflow/api/1/action/Demo/Company%20Lookup/trigger?name=Acme'`);
      expect(masked).toContain('-H "Authorization: Bearer $API_KEY"');
      expect(masked).not.toContain('key-that-stays-in-memory');
      await page.getByText('Include the API key').click();
      expect(await command.textContent()).toContain(`-H 'Authorization: Bearer key-that-stays-in-memory'`);
      await page.getByRole('button', { name: 'Copy', exact: true }).click();
      expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(await command.textContent());
      await page.keyboard.press('Escape');

      // The call itself goes to this server, with the key as a Bearer token.
      await page.getByRole('button', { name: 'Send', exact: true }).click();
      await eventually(async () => expect(await page.getByTestId('reply-status').textContent()).toBe('200 OK'));
      expect(JSON.parse(await editorText(page.getByTestId('reply-body')))).toMatchObject({ name: 'Acme' });

      const stored = await page.evaluate(() => JSON.stringify({ ...window.localStorage }) + JSON.stringify({ ...window.sessionStorage }));
      expect(stored).toContain('name');
      expect(stored).not.toContain('key-that-stays-in-memory');

      // After a reload the request is remembered, the key is not.
      await page.reload();
      await openPanelTab(page, 'Try it');
      expect(await page.getByTestId('try-it-url').textContent()).toBe(
        `${suite.studio.server.url}/phixflow/api/1/action/Demo/Company%20Lookup/trigger?name=Acme`,
      );
      await requestTab(page, 'API key').click();
      expect(await page.getByRole('textbox', { name: 'API key' }).inputValue()).toBe('');
      await page.getByRole('button', { name: 'Recent requests' }).click();
      expect(await page.getByRole('menuitem').first().textContent()).toContain('?name=Acme');
      await page.keyboard.press('Escape');
      expect(problems).toEqual([]);
    } finally {
      suite.studio.server.stores.settings.update({ publicBaseUrl: null });
    }
  });

  it('sends a console entry’s request again from Try it, with its query, headers and body', async () => {
    const { page, problems } = await openDesigner(suite.profile, suite.studio.server);
    await page.getByTestId('application-Demo').waitFor();
    await page.getByRole('button', { name: 'Show the System Console' }).click();
    await eventually(async () => expect(await page.getByTestId('console-stream').textContent()).toBe('Live'));

    const sent = await callEndpoint(suite.studio.server, 'Demo', 'Register Company', {
      method: 'POST',
      query: '?source=cli',
      headers: { 'content-type': 'application/json', 'x-trace': '42' },
      body: '{"name": "Resent Co", "onboarded": "2024-05-01", "country": "NZ"}',
    });
    expect(sent.status).toBe(200);
    const entry = consoleEntries(page).filter({ hasText: 'Register Company' });
    await entry.waitFor();
    await entry.click();
    await page.getByRole('button', { name: 'Resend' }).click();

    await page.getByTestId('try-it').waitFor();
    expect(await page.locator('.endpoint-picker .select-value').textContent()).toBe('Demo / Register Company');
    expect(await page.getByTestId('try-it-url').textContent()).toBe(
      `${suite.studio.server.url}/phixflow/api/1/action/Demo/Register%20Company/trigger?source=cli`,
    );
    expect(await editorText(page.getByTestId('try-it-body'))).toBe('{"name": "Resent Co", "onboarded": "2024-05-01", "country": "NZ"}');
    await requestTab(page, 'Headers').click();
    expect(await page.getByLabel('header 2 name').inputValue()).toBe('x-trace');
    expect(await page.getByLabel('header 2 value').inputValue()).toBe('42');

    await requestTab(page, 'Body').click();
    await typeExpression(page.getByTestId('try-it-body'), '{"name": "Resent Again", "onboarded": "2024-05-02", "country": "NZ"}');
    await page.getByRole('button', { name: 'Send', exact: true }).click();
    await eventually(async () => expect(await page.getByTestId('reply-status').textContent()).toBe('200 OK'));
    const rows = await adminCall(suite.studio.server, 'GET', '/applications/Demo/tables/companies/rows?limit=1000');
    expect(rows.body.rows.map((row: { values: { name: string } }) => row.values.name)).toEqual(expect.arrayContaining(['Resent Co', 'Resent Again']));
    expect(problems).toEqual([]);
  });

  it('sends with Ctrl+Enter from the body, and keeps the canvas’s keys to the canvas while the focus is in the panel', async () => {
    const { page, problems } = await openDesigner(suite.profile, suite.studio.server);
    await openFlow(page, 'Companies Since');
    await selectNode(page, 'p');
    await openPanelTab(page, 'Try it');

    // Ctrl+A and Backspace act on the body, not on the selected node.
    await typeExpression(page.getByTestId('try-it-body'), '{"since": "2024-12-01"}');
    await page.getByTestId('try-it-body').locator('.cm-content').press('ControlOrMeta+Enter');
    await eventually(async () => expect(await page.getByTestId('reply-status').textContent()).toBe('200 OK'));
    expect(JSON.parse(await editorText(page.getByTestId('reply-body'))).data.companies).toEqual([{ name: 'Blue Sun', onboarded: '2024-12-08' }]);

    // Delete with the focus on a console entry leaves the canvas alone.
    await page.getByRole('button', { name: 'Open its console entry' }).click();
    await page.getByTestId('console-detail').waitFor();
    await consoleEntries(page).first().press('Delete');
    await consoleEntries(page).first().press('Backspace');
    expect(await canvasNode(page, 'p').count()).toBe(1);
    expect(await page.getByTestId('unsaved').count()).toBe(0);
    expect(problems).toEqual([]);
  });

  it('shows an async run’s process id on 202 and polls it until it has finished', async () => {
    const { page, problems } = await openDesigner(suite.profile, suite.studio.server);
    const service = await slowAsyncEndpoint(page, suite.studio.server, 'Slow Quote');
    await openFlow(page, 'Slow Quote');
    await openPanelTab(page, 'Try it');
    await page.getByRole('button', { name: 'Send', exact: true }).click();
    await page.getByTestId('try-it-async').waitFor();
    expect(await page.getByTestId('reply-status').textContent()).toBe('202 Accepted');
    const accepted = JSON.parse(await editorText(page.getByTestId('reply-body')));
    expect(accepted).toEqual({ status: 'Running', processId: expect.stringMatching(/^[0-9a-f-]{36}$/) });
    expect(await page.getByTestId('try-it-async').textContent()).toContain(accepted.processId);

    await page.getByRole('button', { name: 'Poll' }).click();
    await eventually(async () => expect(await page.getByTestId('try-it-async').textContent()).toContain('showing poll 1'));
    expect(JSON.parse(await editorText(page.getByTestId('reply-body')))).toMatchObject({ processId: accepted.processId, status: 'Running' });

    await eventually(() => expect(service.waiting).toHaveLength(1));
    for (const response of service.waiting) json(response, { value: 12.5 });
    await eventually(async () => {
      await page.getByRole('button', { name: 'Poll' }).click();
      expect(JSON.parse(await editorText(page.getByTestId('reply-body')))).toMatchObject({ status: 'Success', data: { result: [{ value: 12.5 }] } });
    });
    expect(problems).toEqual([]);
  });
});
