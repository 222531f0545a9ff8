import { describe, expect, it } from 'vitest';
import { moveRecentRequests, RECENT_LIMIT, recentRequests, rememberRequest } from '../../../renderer/src/try-it/recent-requests.js';
import { NEW_REQUEST } from '../../../renderer/src/try-it/try-it-request.js';

/** An in-memory Storage, as localStorage behaves. */
function memoryStorage(): Storage {
  const items = new Map<string, string>();
  return {
    get length() {
      return items.size;
    },
    clear: () => items.clear(),
    getItem: (key) => items.get(key) ?? null,
    key: (index) => [...items.keys()][index] ?? null,
    removeItem: (key) => void items.delete(key),
    setItem: (key, value) => void items.set(key, String(value)),
  };
}

const target = { application: 'Demo', actionflow: 'Company Lookup' };

describe('the requests Try it remembers per endpoint', () => {
  it('lists them newest first, moving a request sent again to the top rather than listing it twice', () => {
    const storage = memoryStorage();
    const a = { ...NEW_REQUEST, body: '{"a":1}' };
    const b = { ...NEW_REQUEST, body: '{"b":2}' };
    rememberRequest(target, { request: a, sentAt: 1, status: 200 }, storage);
    rememberRequest(target, { request: b, sentAt: 2, status: 500 }, storage);
    rememberRequest(target, { request: a, sentAt: 3, status: 200 }, storage);
    expect(recentRequests(target, storage).map((entry) => [entry.request.body, entry.sentAt])).toEqual([
      ['{"a":1}', 3],
      ['{"b":2}', 2],
    ]);
    expect(recentRequests({ application: 'Demo', actionflow: 'Other' }, storage)).toEqual([]);
  });

  it('never writes an Authorization header to storage', () => {
    const storage = memoryStorage();
    rememberRequest(target, { request: { ...NEW_REQUEST, headers: [{ name: 'Authorization', value: 'Bearer secret.jwt' }] }, sentAt: 1, status: 200 }, storage);
    const written = [...Array(storage.length).keys()].map((index) => storage.getItem(storage.key(index)!)).join('');
    expect(written).not.toContain('secret.jwt');
    expect(recentRequests(target, storage)[0]!.request.headers).toEqual([]);
  });

  it(`keeps the last ${RECENT_LIMIT}, and ignores what it cannot read`, () => {
    const storage = memoryStorage();
    for (let index = 0; index < RECENT_LIMIT + 5; index++)
      rememberRequest(target, { request: { ...NEW_REQUEST, body: String(index) }, sentAt: index, status: 200 }, storage);
    expect(recentRequests(target, storage)).toHaveLength(RECENT_LIMIT);
    expect(recentRequests(target, storage)[0]!.request.body).toBe(String(RECENT_LIMIT + 4));

    const broken = memoryStorage();
    broken.setItem('actionflow-studio:try-it:Demo/Company%20Lookup', '[{"request": {"method": "DELETE"}}, "x", 1]');
    expect(recentRequests(target, broken)).toEqual([]);
    broken.setItem('actionflow-studio:try-it:Demo/Company%20Lookup', '{not json');
    expect(recentRequests(target, broken)).toEqual([]);
  });

  it('moves them to the new name of a renamed endpoint', () => {
    const storage = memoryStorage();
    const renamed = { application: 'Demo', actionflow: 'Company Finder' };
    rememberRequest(target, { request: { ...NEW_REQUEST, body: '{"a":1}' }, sentAt: 1, status: 200 }, storage);
    moveRecentRequests(target, renamed, storage);
    expect(recentRequests(target, storage)).toEqual([]);
    expect(recentRequests(renamed, storage).map((entry) => entry.request.body)).toEqual(['{"a":1}']);
  });
});
