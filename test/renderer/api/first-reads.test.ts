import { afterEach, describe, expect, it, vi } from 'vitest';
import { AdminTransport } from '../../../renderer/src/api/admin-transport.js';
import { FirstReads } from '../../../renderer/src/api/first-reads.js';
import { StudioClient } from '../../../renderer/src/api/studio-client.js';

const session = { token: 'tok-1', baseUrl: 'http://127.0.0.1:8080' };
const flowUrl = 'http://127.0.0.1:8080/_studio/api/v1/applications/Demo/actionflows/Company%20Lookup';

/** A fetch that answers every call with a JSON body naming the call's number, and records the calls. */
function recordingFetch() {
  const calls: { url: string; init: RequestInit | undefined }[] = [];
  const fetchFn = vi.fn(async (url: string | URL | Request, init?: RequestInit) => {
    calls.push({ url: String(url), init });
    return new Response(JSON.stringify({ call: calls.length }), { status: 200, headers: { 'content-type': 'application/json' } });
  });
  return { calls, fetchFn: fetchFn as unknown as typeof fetch };
}

describe("the page's first reads", () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.useRealTimers();
  });

  it('asks for the workspace, the settings and the flow the address names, with the session token', () => {
    const { calls, fetchFn } = recordingFetch();
    new FirstReads(session, { view: 'flow', application: 'Demo', flow: 'Company Lookup' }, fetchFn);
    expect(calls.map((call) => call.url)).toEqual(['http://127.0.0.1:8080/_studio/api/v1/workspace', 'http://127.0.0.1:8080/_studio/api/v1/settings', flowUrl]);
    for (const call of calls) expect(call.init).toMatchObject({ method: 'GET', headers: { authorization: 'Bearer tok-1' }, cache: 'no-store' });
  });

  it('asks for no flow on a page that shows none', () => {
    const { calls, fetchFn } = recordingFetch();
    new FirstReads(session, { view: 'admin', section: 'users' }, fetchFn);
    expect(calls).toHaveLength(2);
  });

  it('gives each answer to the first GET of its address only; later calls and other methods go to the server', async () => {
    const early = recordingFetch();
    const reads = new FirstReads(session, { view: 'flow', application: 'Demo', flow: 'Company Lookup' }, early.fetchFn);
    const later = recordingFetch();
    vi.stubGlobal('fetch', later.fetchFn);
    const client = new StudioClient(new AdminTransport(session, () => undefined, reads));

    expect(await client.getFlow('Demo', 'Company Lookup')).toEqual({ call: 3 });
    expect(later.calls).toHaveLength(0);
    expect(await client.getFlow('Demo', 'Company Lookup')).toEqual({ call: 1 });
    expect(later.calls.map((call) => call.url)).toEqual([flowUrl]);
    await client.updateSettings({ instance: 'phixflow' });
    expect(later.calls[1]).toMatchObject({ url: 'http://127.0.0.1:8080/_studio/api/v1/settings', init: { method: 'PATCH' } });
    expect(await client.workspace()).toEqual({ call: 1 });
    expect(later.calls).toHaveLength(2);
  });

  it('drops an answer nobody took within ten seconds, so a late read gets fresh data', async () => {
    vi.useFakeTimers();
    const early = recordingFetch();
    const reads = new FirstReads(session, { view: 'home' }, early.fetchFn);
    vi.advanceTimersByTime(10_000);
    const later = recordingFetch();
    vi.stubGlobal('fetch', later.fetchFn);
    await new StudioClient(new AdminTransport(session, () => undefined, reads)).workspace();
    expect(later.calls.map((call) => call.url)).toEqual(['http://127.0.0.1:8080/_studio/api/v1/workspace']);
  });
});
