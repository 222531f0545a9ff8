import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ConsoleEntrySummary } from '../../../shared/dto/console.dto.js';
import { ApiError } from '../../../renderer/src/api/api-error.js';
import { followConsoleStream, type ConsoleStreamState } from '../../../renderer/src/console/console-stream.js';

type Opening = () => Promise<AsyncIterable<ConsoleEntrySummary>>;

/** A console client whose streams are scripted, one per connection attempt. */
function scriptedClient(openings: Opening[]) {
  let attempts = 0;
  return {
    get attempts() {
      return attempts;
    },
    openEvents: () => {
      const open = openings[Math.min(attempts, openings.length - 1)]!;
      attempts++;
      return open();
    },
  };
}

async function* entries(...ids: number[]): AsyncGenerator<ConsoleEntrySummary> {
  for (const id of ids) yield { id } as ConsoleEntrySummary;
}

describe('following the console stream', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('hands on entries, and reconnects after 1 s, then 2 s, when the server goes away, starting again from 1 s once open', async () => {
    const unreachable: Opening = () => Promise.reject(new ApiError(0, 'the server cannot be reached'));
    const client = scriptedClient([() => Promise.resolve(entries(1, 2)), unreachable, unreachable, () => Promise.resolve(entries(3)), unreachable]);
    const seen: number[] = [];
    const states: ConsoleStreamState[] = [];
    let opened = 0;
    const stop = followConsoleStream(client, { entry: (entry) => seen.push(entry.id), state: (state) => states.push(state), opened: () => opened++ });

    await vi.advanceTimersByTimeAsync(0);
    expect(seen).toEqual([1, 2]);
    expect(client.attempts).toBe(1);
    await vi.advanceTimersByTimeAsync(999);
    expect(client.attempts).toBe(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(client.attempts).toBe(2);
    await vi.advanceTimersByTimeAsync(1999);
    expect(client.attempts).toBe(2);
    await vi.advanceTimersByTimeAsync(1);
    expect(client.attempts).toBe(3);
    await vi.advanceTimersByTimeAsync(4000);
    expect(client.attempts).toBe(4);
    expect(seen).toEqual([1, 2, 3]);
    expect(opened).toBe(2);
    // Open again: the next wait is 1 s.
    await vi.advanceTimersByTimeAsync(1000);
    expect(client.attempts).toBe(5);
    expect(states).toContain('live');
    expect(states).toContain('reconnecting');
    stop();
  });

  it('stops for good when the server has no console or refuses the session', async () => {
    const client = scriptedClient([() => Promise.reject(new ApiError(404, 'no admin route GET /console/stream'))]);
    const states: ConsoleStreamState[] = [];
    followConsoleStream(client, { entry: () => undefined, state: (state) => states.push(state), opened: () => undefined });
    await vi.advanceTimersByTimeAsync(60_000);
    expect(client.attempts).toBe(1);
    expect(states.at(-1)).toBe('unavailable');
  });

  it('makes no further attempt once stopped', async () => {
    const client = scriptedClient([() => Promise.reject(new ApiError(0, 'away'))]);
    const stop = followConsoleStream(client, { entry: () => undefined, state: () => undefined, opened: () => undefined });
    await vi.advanceTimersByTimeAsync(0);
    stop();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(client.attempts).toBe(1);
  });
});
