import type { ServerResponse } from 'node:http';
import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';
import type { ActionflowInput } from '../../../shared/schemas/actionflow.schema.js';
import type { RunningServer } from '../../../server/start-server.js';
import { flow, node } from '../../server/engine/engine-harness.js';
import { localHttpServer, type SeenRequest } from '../../server/engine/local-http-server.js';
import { eventually } from './designer-actions.js';
import { adminCall } from './studio-server.js';

/** Opens the panel at the bottom on one of its tabs ("Try it", "System Console", "Problems"). */
export async function openPanelTab(page: Page, title: 'Try it' | 'System Console' | 'Problems'): Promise<void> {
  await page.getByRole('tab', { name: new RegExp(`^${title}`) }).click();
  await page.getByRole('tabpanel', { name: new RegExp(`^${title}`) }).waitFor();
}

/** The text of a CodeMirror editor (the JSON body or reply), read from its lines inside the shadow root. */
export async function editorText(editor: Locator): Promise<string> {
  // A code editor loads with the first field that shows one: wait for it, not for its empty frame.
  await editor.locator('.cm-content').waitFor();
  return (await editor.locator('.cm-line').allTextContents()).join('\n');
}

/**
 * Waits for the open console entry to show `status`: a run's end reaches the console in a later
 * batch of its live stream than its start, and can come after the reply.
 */
export async function detailStatusBecomes(page: Page, status: 'Success' | 'Fail' | 'Aborted'): Promise<void> {
  await eventually(async () => expect(await page.getByTestId('detail-status').textContent()).toBe(status));
}

/** The entries of the console list, as their rows. */
export const consoleEntries = (page: Page): Locator => page.locator('.console-entry');

/** Creates a flow over the admin API (as another window or the CLI would) and waits for the designer's workspace to list it. */
export async function createFlowElsewhere(page: Page, server: RunningServer, application: string, flow: ActionflowInput): Promise<void> {
  const created = await adminCall(server, 'POST', `/applications/${encodeURIComponent(application)}/actionflows`, flow);
  if (created.status !== 201) throw new Error(`could not create ${flow.name}: ${JSON.stringify(created.body)}`);
  // The designer re-reads the workspace every few seconds; a reload shows the flow at once.
  await page.reload();
}

/**
 * An async endpoint (timeout 100 ms) whose HTTP Request node calls a local service that holds every
 * call until the test answers it, so its runs stay Running; `waiting` holds the held replies.
 */
export async function slowAsyncEndpoint(page: Page, server: RunningServer, name: string): Promise<{ waiting: ServerResponse[]; seen: SeenRequest[] }> {
  const waiting: ServerResponse[] = [];
  const service = await localHttpServer((_request, response) => waiting.push(response));
  const nodes = [
    node('in', 'apiInput'),
    node('h', 'http', { url: `${service.url}/slow`, outputs: [{ name: 'value', path: '$.value' }] }, 'Ask Service'),
    node('o', 'output', { attributes: ['value'] }, 'result'),
  ];
  await createFlowElsewhere(page, server, 'Demo', flow(name, nodes, ['in->h', 'h->o'], { allowAnonymous: true, mode: 'async', timeoutMs: 100 }));
  return { waiting, seen: service.seen };
}

/** Calls an endpoint's trigger URL over HTTP, as a client outside the designer would. */
export async function callEndpoint(
  server: RunningServer,
  application: string,
  actionflow: string,
  init: RequestInit & { query?: string } = {},
): Promise<{ status: number; body: any }> {
  const { query = '', ...rest } = init;
  const response = await fetch(
    `${server.url}/phixflow/api/1/action/${encodeURIComponent(application)}/${encodeURIComponent(actionflow)}/trigger${query}`,
    rest,
  );
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : undefined };
}

/** Problems seen by the page other than the browser's own line for each reply of `status` (a refused call it made on purpose). */
export const withoutFailedLoads = (problems: string[], ...statuses: number[]): string[] =>
  problems.filter((problem) => !statuses.some((status) => problem.includes(`Failed to load resource: the server responded with a status of ${status}`)));
