import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { WriteBehind } from '../../../server/console/write-behind.js';

describe('writing behind', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.restoreAllMocks();
  });

  /** A WriteBehind whose queues record what they were given, in transactions that fail while `failing`. */
  function harness() {
    const state = { failing: false, transactions: 0 };
    const writes = new WriteBehind((work) => {
      state.transactions++;
      if (state.failing) throw new Error('disk I/O error');
      work();
    }, 100);
    const written = { fast: [] as [string, number][], slow: [] as [string, number][] };
    const fast = writes.queue<string, number>((batch) => written.fast.push(...batch));
    const slow = writes.queue<string, number>((batch) => written.slow.push(...batch), 1000);
    return { state, writes, written, fast, slow };
  }

  it('writes a key once per batch, its latest value, and each queue at its own pace, in one transaction', () => {
    const { state, written, fast, slow } = harness();
    fast.put('a', 1);
    fast.put('a', 2);
    slow.put('p', 1);
    vi.advanceTimersByTime(100);
    expect(written).toEqual({ fast: [['a', 2]], slow: [['p', 1]] });
    expect(state.transactions).toBe(1);

    fast.put('b', 1);
    slow.put('q', 1);
    vi.advanceTimersByTime(100);
    expect(written.fast).toEqual([
      ['a', 2],
      ['b', 1],
    ]);
    expect(written.slow).toEqual([['p', 1]]);
    expect(slow.get('q')).toBe(1);
    vi.advanceTimersByTime(900);
    expect(written.slow).toEqual([
      ['p', 1],
      ['q', 1],
    ]);
  });

  it('writes one queue alone when asked, and everything on flush', () => {
    const { writes, written, fast, slow } = harness();
    fast.put('a', 1);
    slow.put('p', 1);
    writes.flushQueue(slow);
    expect(written).toEqual({ fast: [], slow: [['p', 1]] });
    slow.put('q', 1);
    writes.flush();
    expect(written).toEqual({
      fast: [['a', 1]],
      slow: [
        ['p', 1],
        ['q', 1],
      ],
    });
  });

  it('keeps a batch whose transaction failed, says so once, and writes it with the newer values later', () => {
    const { state, writes, written, fast } = harness();
    state.failing = true;
    fast.put('a', 1);
    fast.put('b', 1);
    writes.flush();
    writes.flush();
    expect(written.fast).toEqual([]);
    expect(console.error).toHaveBeenCalledTimes(1);
    expect(console.error).toHaveBeenCalledWith(expect.stringContaining('disk I/O error'));
    fast.put('b', 2);
    state.failing = false;
    vi.advanceTimersByTime(2000);
    expect(Object.fromEntries(written.fast)).toEqual({ a: 1, b: 2 });
  });

  it('writes what is pending on close, and nothing on its own after', () => {
    const { state, writes, written, fast } = harness();
    fast.put('a', 1);
    writes.close();
    expect(written.fast).toEqual([['a', 1]]);
    fast.put('b', 1);
    vi.advanceTimersByTime(10_000);
    expect(written.fast).toEqual([['a', 1]]);
    expect(state.transactions).toBe(1);
  });
});
