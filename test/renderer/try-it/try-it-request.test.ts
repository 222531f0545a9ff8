import { describe, expect, it } from 'vitest';
import {
  headersToSend,
  NEW_REQUEST,
  pollUrl,
  processIdOf,
  queryString,
  triggerUrl,
  withoutAuthorization,
} from '../../../renderer/src/try-it/try-it-request.js';

const target = { application: 'Sales & Co', actionflow: 'Company Lookup' };

describe('the request Try it sends', () => {
  it('builds the version 11 trigger URL with the instance and the percent-encoded query', () => {
    expect(
      triggerUrl('http://127.0.0.1:8080', 'phixflow', target, [
        { name: 'name', value: 'Acme Ltd' },
        { name: '', value: 'ignored' },
      ]),
    ).toBe('http://127.0.0.1:8080/phixflow/api/1/action/Sales%20%26%20Co/Company%20Lookup/trigger?name=Acme%20Ltd');
    expect(triggerUrl('https://api.example.com/base/', 'live', target, [])).toBe(
      'https://api.example.com/base/live/api/1/action/Sales%20%26%20Co/Company%20Lookup/trigger',
    );
    expect(queryString([])).toBe('');
  });

  it('sends the key as Authorization: Bearer, replacing a typed Authorization row', () => {
    const request = {
      ...NEW_REQUEST,
      headers: [
        { name: 'content-type', value: 'application/json' },
        { name: 'Authorization', value: 'typed' },
        { name: ' ', value: 'no name' },
      ],
    };
    expect(headersToSend(request, ' key.jwt ')).toEqual([
      ['content-type', 'application/json'],
      ['Authorization', 'Bearer key.jwt'],
    ]);
    expect(headersToSend(request, '')).toEqual([
      ['content-type', 'application/json'],
      ['Authorization', 'typed'],
    ]);
  });

  it('drops every Authorization row from a request before it is remembered', () => {
    const request = {
      ...NEW_REQUEST,
      headers: [
        { name: 'AUTHORIZATION', value: 'Bearer secret' },
        { name: 'x-trace', value: '1' },
      ],
    };
    expect(withoutAuthorization(request).headers).toEqual([{ name: 'x-trace', value: '1' }]);
  });

  it('reads the process id of a JSON reply, and none from other replies', () => {
    expect(processIdOf('{"status":"Success","processId":"6f1c…"}', 'application/json; charset=utf-8')).toBe('6f1c…');
    expect(processIdOf('{"processId":"x"}', 'text/plain')).toBeNull();
    expect(processIdOf('not json', 'application/json')).toBeNull();
    expect(processIdOf('{"name":"Acme"}', 'application/json')).toBeNull();
  });

  it('polls at the reply’s Location on the trigger’s origin, else at the poll path it builds', () => {
    const trigger = 'http://127.0.0.1:8080/phixflow/api/1/action/Demo/Slow/trigger';
    const demo = { application: 'Demo', actionflow: 'Slow' };
    expect(pollUrl(trigger, '/phixflow/api/1/action/Demo/Slow/poll/abc', 'phixflow', demo, 'abc')).toBe(
      'http://127.0.0.1:8080/phixflow/api/1/action/Demo/Slow/poll/abc',
    );
    expect(pollUrl(trigger, null, 'phixflow', demo, 'abc')).toBe('http://127.0.0.1:8080/phixflow/api/1/action/Demo/Slow/poll/abc');
  });
});
