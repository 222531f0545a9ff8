import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { pollPath } from '../../shared/urls.js';
import { eventually } from './support/designer-actions.js';
import { openDesigner } from './support/designer-browser.js';
import { designerSuite } from './support/designer-suite.js';
import { callEndpoint, consoleEntries, slowAsyncEndpoint, detailStatusBecomes } from './support/run-tools-actions.js';

const suite = designerSuite();

/** Opens the designer's home with the System Console shown and following the live stream. */
async function openConsole(page: Page): Promise<void> {
  await page.getByTestId('application-Demo').waitFor();
  await page.getByRole('button', { name: 'Show the System Console' }).click();
  await eventually(async () => expect(await page.getByTestId('console-stream').textContent()).toBe('Live'));
}

/** The console entry of a flow, as listed. */
const entryOf = (page: Page, actionflow: string) => consoleEntries(page).filter({ hasText: actionflow });

describe('the System Console', () => {
  it('shows a call as it happens, with its Response message, whose details open as a tree', async () => {
    const { page, problems } = await openDesigner(suite.profile, suite.studio.server);
    await openConsole(page);
    expect(await entryOf(page, 'Companies By Country').count()).toBe(0);

    expect((await callEndpoint(suite.studio.server, 'Demo', 'Companies By Country')).status).toBe(200);
    const entry = entryOf(page, 'Companies By Country');
    await entry.waitFor();
    // The entry is listed as its run starts; its end arrives in a later batch of the stream.
    await eventually(async () => expect(await entry.getAttribute('data-status')).toBe('Success'));
    expect(await entry.getAttribute('class')).toContain('is-ok');

    await entry.click();
    const detail = page.getByTestId('console-detail');
    await detail.waitFor();
    expect(await detail.locator('.console-message').evaluateAll((items) => items.map((item) => item.getAttribute('data-kind')))).toEqual([
      'Request',
      'Response',
    ]);
    const response = detail.locator('.console-message[data-kind="Response"]');
    expect(await response.locator('.message-text').textContent()).toMatch(/^200/);

    await response.getByRole('button').first().click();
    const tree = response.getByRole('treegrid');
    await tree.waitFor();
    const status = tree.getByRole('row').filter({ has: page.locator('.json-tree-key', { hasText: /^status$/ }) });
    expect(await status.locator('.json-tree-value').textContent()).toBe('200');
    // A body holding JSON opens like any other value.
    const body = tree.getByRole('row').filter({ has: page.locator('.json-tree-key', { hasText: /^body$/ }) });
    expect(await body.locator('.json-tree-value').textContent()).toMatch(/^JSON text \{/);
    await body.getByRole('button', { name: 'Expand body' }).click();
    await tree
      .getByRole('row')
      .filter({ has: page.locator('.json-tree-key', { hasText: /^processId$/ }) })
      .waitFor();
    expect(problems).toEqual([]);
  });

  it('marks a failing flow’s entry red, with its Error message naming the node, and filters by status', async () => {
    const { page, problems } = await openDesigner(suite.profile, suite.studio.server);
    await openConsole(page);
    const failed = await callEndpoint(suite.studio.server, 'Demo', 'Register Company', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });
    expect(failed.status).toBe(500);

    const entry = entryOf(page, 'Register Company');
    await entry.waitFor();
    await eventually(async () => expect(await entry.getAttribute('data-status')).toBe('Fail'));
    expect(await entry.getAttribute('class')).toContain('is-error');
    expect(await entry.locator('.entry-count.is-error').textContent()).toBe('1');
    expect(await entry.getAttribute('aria-label')).toContain('marked red');

    await entry.click();
    const error = page.getByTestId('console-detail').locator('.console-message[data-kind="Error"]');
    expect(await error.locator('.message-text').textContent()).toBe('Reject: a company needs a name');
    await error.getByRole('button').first().click();
    const node = error.getByRole('row').filter({ has: page.locator('.json-tree-key', { hasText: /^node$/ }) });
    expect(await node.locator('.json-tree-value').textContent()).toBe('"Reject"');

    // Status filter: only failed entries remain.
    await callEndpoint(suite.studio.server, 'Demo', 'Companies By Country');
    await eventually(async () => expect(await entryOf(page, 'Companies By Country').count()).toBeGreaterThan(0));
    await page.getByRole('button', { name: /Status/ }).click();
    await page.getByRole('option', { name: 'Fail' }).click();
    await eventually(async () =>
      expect(await consoleEntries(page).evaluateAll((rows) => rows.map((row) => row.getAttribute('data-status')))).toEqual(['Fail']),
    );
    expect(problems).toEqual([]);
  });

  it('stops a slow async run: the entry ends Aborted, the service call is cancelled, and poll says stopped', async () => {
    const { page, problems } = await openDesigner(suite.profile, suite.studio.server);
    const service = await slowAsyncEndpoint(page, suite.studio.server, 'Slow Report');
    await openConsole(page);

    const accepted = await callEndpoint(suite.studio.server, 'Demo', 'Slow Report', { method: 'POST' });
    expect(accepted.status).toBe(202);
    await eventually(() => expect(service.seen).toHaveLength(1));
    const entry = entryOf(page, 'Slow Report');
    await entry.waitFor();
    expect(await entry.getAttribute('data-status')).toBe('Running');
    expect(await entry.getAttribute('class')).toContain('is-running');

    await entry.click();
    await page.getByRole('button', { name: 'Stop' }).click();
    await detailStatusBecomes(page, 'Aborted');
    expect(await page.getByTestId('console-detail').textContent()).toContain('stopped');
    await eventually(async () => expect(await entry.getAttribute('data-status')).toBe('Aborted'));
    expect(await service.seen[0]!.abandoned).toBe(true);

    const poll = await fetch(`${suite.studio.server.url}${pollPath({ application: 'Demo', actionflow: 'Slow Report' }, accepted.body.processId)}`);
    expect(await poll.json()).toMatchObject({ processId: accepted.body.processId, status: 'Aborted', message: 'stopped' });
    expect(service.waiting).toHaveLength(1);
    expect(problems).toEqual([]);
  });

  it('downloads an entry as JSON', async () => {
    const { page, problems } = await openDesigner(suite.profile, suite.studio.server);
    await openConsole(page);
    await callEndpoint(suite.studio.server, 'Demo', 'Company Lookup', { query: '?name=Hooli' });
    const entry = entryOf(page, 'Company Lookup');
    await entry.first().click();
    await page.getByTestId('console-detail').waitFor();
    // The reply can reach the client before the console has written the run's end.
    await detailStatusBecomes(page, 'Success');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^console-entry-\d+\.json$/);
    const saved = JSON.parse(await (await download.createReadStream()).toArray().then((chunks) => Buffer.concat(chunks).toString('utf8')));
    expect(saved).toMatchObject({
      application: 'Demo',
      actionflow: 'Company Lookup',
      status: 'Success',
      messages: expect.arrayContaining([expect.objectContaining({ kind: 'Response' })]),
    });
    expect(saved.request.url).toContain('name=Hooli');
    expect(problems).toEqual([]);
  });
});
