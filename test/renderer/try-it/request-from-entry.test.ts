import { describe, expect, it } from 'vitest';
import type { ConsoleEntryDetail } from '../../../shared/dto/console.dto.js';
import { requestFromEntry } from '../../../renderer/src/try-it/request-from-entry.js';

function entry(details: unknown, bytes: number): ConsoleEntryDetail {
  return {
    id: 7,
    processId: 'p',
    application: 'Demo',
    actionflow: 'Register Company',
    mode: 'sync',
    user: 'system',
    startedAt: '2026-03-02T10:30:00.000Z',
    durationMs: 3,
    status: 'Fail',
    request: {
      method: 'POST',
      url: 'http://127.0.0.1:8080/phixflow/api/1/action/Demo/Register%20Company/trigger?dry=1&tag=a&tag=b',
      contentType: 'application/json',
      bytes,
    },
    reply: { status: 500, bytes: 90 },
    reason: null,
    counts: { errors: 1, warnings: 0, debug: 0 },
    messages: [{ seq: 1, kind: 'Request', text: 'POST …', details, at: '2026-03-02T10:30:00.000Z' }],
    droppedMessages: 0,
  };
}

describe('resending a console entry’s request', () => {
  it('takes the method, the query, the headers (without authorization or what a browser sets) and the body', () => {
    const resend = requestFromEntry(
      entry(
        {
          method: 'POST',
          url: 'http://127.0.0.1:8080/phixflow/api/1/action/Demo/Register%20Company/trigger?dry=1&tag=a&tag=b',
          headers: {
            host: '127.0.0.1:8080',
            authorization: '****',
            'content-type': 'application/json',
            'x-tag': ['a', 'b'],
            'content-length': '15',
            'sec-fetch-mode': 'cors',
            'user-agent': 'curl/8',
          },
          body: '{"name":"Acme"}',
        },
        15,
      ),
    );
    expect(resend).toEqual({
      target: { application: 'Demo', actionflow: 'Register Company' },
      request: {
        method: 'POST',
        query: [
          { name: 'dry', value: '1' },
          { name: 'tag', value: 'a' },
          { name: 'tag', value: 'b' },
        ],
        headers: [
          { name: 'content-type', value: 'application/json' },
          { name: 'x-tag', value: 'a' },
          { name: 'x-tag', value: 'b' },
        ],
        body: '{"name":"Acme"}',
      },
      truncated: false,
    });
  });

  it('says when the console cut the body, and falls back to the entry’s own request without a Request message', () => {
    expect(requestFromEntry(entry({ method: 'POST', url: 'http://h/x/trigger', headers: {}, body: 'abc…' }, 70_000)).truncated).toBe(true);
    const bare = { ...entry({}, 0), messages: [] };
    expect(requestFromEntry(bare).request).toEqual({
      method: 'POST',
      query: [
        { name: 'dry', value: '1' },
        { name: 'tag', value: 'a' },
        { name: 'tag', value: 'b' },
      ],
      headers: [],
      body: '',
    });
  });
});
