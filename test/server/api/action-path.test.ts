import { describe, expect, it } from 'vitest';
import { parseActionPath } from '../../../server/api/action-path.js';
import { resolveTimeout } from '../../../server/api/timeout-parameter.js';

describe('parseActionPath', () => {
  it('reads the version 11 and version 10 forms of trigger and poll, names decoded', () => {
    expect(parseActionPath('/phixflow/api/1/action/My%20App/Some%20Flow/trigger')).toEqual({
      ok: true,
      path: { kind: 'trigger', instance: 'phixflow', application: 'My App', actionflow: 'Some Flow' },
    });
    expect(parseActionPath('/phixflow/api/1/action/Some%20Flow/trigger')).toEqual({
      ok: true,
      path: { kind: 'trigger', instance: 'phixflow', actionflow: 'Some Flow' },
    });
    expect(parseActionPath('/phixflow/api/1/action/App/Flow/poll/abc')).toEqual({
      ok: true,
      path: { kind: 'poll', instance: 'phixflow', application: 'App', actionflow: 'Flow', processId: 'abc' },
    });
    expect(parseActionPath('/phixflow/api/1/action/Flow/poll/abc')).toEqual({
      ok: true,
      path: { kind: 'poll', instance: 'phixflow', actionflow: 'Flow', processId: 'abc' },
    });
  });

  it('takes a path that ends in /trigger as a trigger, even when it could be a poll', () => {
    expect(parseActionPath('/phixflow/api/1/action/App/poll/trigger')).toEqual({
      ok: true,
      path: { kind: 'trigger', instance: 'phixflow', application: 'App', actionflow: 'poll' },
    });
  });

  it('claims only paths whose segments after the instance are api/1/action', () => {
    expect(parseActionPath('/')).toBeUndefined();
    expect(parseActionPath('/_studio/ui/index.js')).toBeUndefined();
    expect(parseActionPath('/phixflow/api/2/action/App/Flow/trigger')).toBeUndefined();
    expect(parseActionPath('/phixflow/api/1/action/App/Flow/other')).toEqual({ ok: true, path: { kind: 'other', instance: 'phixflow' } });
    expect(parseActionPath('/phixflow/api/1/action/')).toEqual({ ok: true, path: { kind: 'other', instance: 'phixflow' } });
  });

  it('refuses malformed percent-encoding, in the instance too', () => {
    expect(parseActionPath('/phix%zzflow/api/1/action/App/Flow/trigger')).toMatchObject({ ok: false, message: expect.stringContaining('"phix%zzflow"') });
  });
});

describe('resolveTimeout', () => {
  const sync = { mode: 'sync' as const, timeoutMs: null };
  it('takes the parameter, else the endpoint, else the default of the mode', () => {
    expect(resolveTimeout('timeout=250', sync, 1000)).toEqual({ ok: true, timeoutMs: 250 });
    expect(resolveTimeout('', { mode: 'sync', timeoutMs: 7000 }, 1000)).toEqual({ ok: true, timeoutMs: 7000 });
    expect(resolveTimeout('other=1', sync, 1000)).toEqual({ ok: true, timeoutMs: 60_000 });
    expect(resolveTimeout('', { mode: 'async', timeoutMs: null }, 1000)).toEqual({ ok: true, timeoutMs: 500 });
  });

  it('refuses anything but one whole number of milliseconds from 1 to the maximum', () => {
    for (const query of [
      'timeout=0',
      'timeout=-5',
      'timeout=abc',
      'timeout=1e3',
      'timeout=1.5',
      'timeout=%2010',
      'timeout=1001',
      'timeout=1&timeout=2',
      'timeout=',
    ]) {
      expect({ query, ok: resolveTimeout(query, sync, 1000).ok }).toEqual({ query, ok: false });
    }
  });
});
