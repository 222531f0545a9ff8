import { describe, expect, it } from 'vitest';
import { curlCommand, pollCurlCommand, shellQuote } from '../../../renderer/src/try-it/curl-command.js';

const url = 'https://api.example.com/phixflow/api/1/action/Demo/Greeting/trigger';

describe('copying a request as curl', () => {
  it('writes a POST with its headers and body, each quoted for the shell', () => {
    const request = { method: 'POST' as const, query: [], headers: [{ name: 'content-type', value: 'application/json' }], body: `{"name": "O'Brien"}` };
    expect(curlCommand(request, url, '', false)).toBe(
      [`curl -X POST '${url}'`, `-H 'content-type: application/json'`, `--data-raw '{"name": "O'\\''Brien"}'`].join(' \\\n  '),
    );
  });

  it('masks the key as $API_KEY unless it is asked for', () => {
    const request = { method: 'GET' as const, query: [], headers: [], body: '{"ignored": true}' };
    expect(curlCommand(request, url, 'secret.jwt', false)).toBe(`curl '${url}' \\\n  -H "Authorization: Bearer $API_KEY"`);
    expect(curlCommand(request, url, 'secret.jwt', true)).toBe(`curl '${url}' \\\n  -H 'Authorization: Bearer secret.jwt'`);
  });

  it('masks an Authorization header typed as a row too', () => {
    const request = { method: 'GET' as const, query: [], headers: [{ name: 'authorization', value: 'Bearer typed' }], body: '' };
    expect(curlCommand(request, url, '', false)).not.toContain('typed');
  });

  it('quotes any text so that a shell reads it back unchanged', () => {
    expect(shellQuote(`a'b"c$d`)).toBe(`'a'\\''b"c$d'`);
  });

  it('writes the poll of an async run as a GET with the key only, masked unless asked for', () => {
    const request = { method: 'POST' as const, query: [], headers: [{ name: 'content-type', value: 'application/json' }], body: '{"a": 1}' };
    const poll = 'https://api.example.com/phixflow/api/1/action/Demo/Greeting/poll/0f7a';
    expect(pollCurlCommand(request, poll, 'secret.jwt', false)).toBe(`curl '${poll}' \\\n  -H "Authorization: Bearer $API_KEY"`);
    expect(pollCurlCommand(request, poll, '', false)).toBe(`curl '${poll}'`);
  });
});
