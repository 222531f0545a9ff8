import { describe, expect, it } from 'vitest';
import { RunAbort, RunAborted, throwIfAborted } from '../../../server/engine/run-aborted.error.js';

describe('a run abort', () => {
  it('fires the AbortSignal a node took before the abort, with the reason', () => {
    const abort = new RunAbort();
    const signal = abort.toAbortSignal();
    expect(signal.aborted).toBe(false);
    expect(abort.abort('stopped')).toBe(true);
    expect(signal.aborted).toBe(true);
    expect(signal.reason).toBe('stopped');
  });

  it('gives an AbortSignal already aborted to a node that asks after the abort', () => {
    const abort = new RunAbort();
    abort.abort('timeout');
    const signal = abort.toAbortSignal();
    expect(signal.aborted).toBe(true);
    expect(signal.reason).toBe('timeout');
  });

  it('keeps the first reason: a later abort changes nothing', () => {
    const abort = new RunAbort();
    expect(abort.abort('timeout')).toBe(true);
    expect(abort.abort('stopped')).toBe(false);
    expect(abort.reason).toBe('timeout');
    expect(() => throwIfAborted(abort)).toThrow(new RunAborted('timeout'));
  });

  it('lets the run go on until it is aborted', () => {
    const abort = new RunAbort();
    expect(() => throwIfAborted(abort)).not.toThrow();
    expect(abort.aborted).toBe(false);
  });
});
