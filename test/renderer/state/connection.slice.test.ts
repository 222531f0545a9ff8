import { describe, expect, it } from 'vitest';
import { retryDelay } from '../../../renderer/src/state/connection.slice.js';

describe('retrying a server that cannot be reached', () => {
  it('waits 1 s, then twice as long each time, at most 15 s', () => {
    expect([0, 1, 2, 3, 4, 5, 10].map(retryDelay)).toEqual([1000, 2000, 4000, 8000, 15000, 15000, 15000]);
  });
});
