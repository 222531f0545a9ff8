import { isIPv6 } from 'node:net';
import type { Clock } from '../clock.js';

export interface FailureLimiterOptions {
  /** Failures within the window that are answered at once. */
  freeFailures: number;
  /** The failure that locks the address out (it and every call until the lock ends get 429). */
  lockAfter: number;
  /** Failures older than this are forgotten. */
  windowMs: number;
  /** How long a locked address is refused. */
  lockMs: number;
  /** Each failure past the free ones is answered this much later than the one before, up to `maxDelayMs`. */
  delayStepMs: number;
  maxDelayMs: number;
  /** Addresses tracked at once; the stalest are dropped beyond it, so a flood of addresses cannot fill memory. */
  maxAddresses: number;
}

export const DEFAULT_FAILURE_LIMITS: FailureLimiterOptions = {
  freeFailures: 5,
  lockAfter: 10,
  windowMs: 60_000,
  lockMs: 60_000,
  delayStepMs: 250,
  maxDelayMs: 2_000,
  maxAddresses: 10_000,
};

interface Tally {
  failures: number;
  firstAt: number;
  lockedUntil: number;
}

export type FailureVerdict = { locked: false; delayMs: number } | { locked: true; retryAfterSeconds: number };

/**
 * The address a tally is kept under: IPv4 as is (also when mapped into IPv6), IPv6 by its /64
 * prefix, since one machine commonly holds a whole /64.
 */
export function addressKey(remoteAddress: string): string {
  const address = remoteAddress.replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/i, '');
  if (!isIPv6(address)) return address;
  const [head = '', tail = ''] = address.split('%')[0]!.split('::');
  const headGroups = head ? head.split(':') : [];
  const tailGroups = tail ? tail.split(':') : [];
  const groups = address.includes('::') ? [...headGroups, ...Array<string>(8 - headGroups.length - tailGroups.length).fill('0'), ...tailGroups] : headGroups;
  return `${groups
    .slice(0, 4)
    .map((group) => group.toLowerCase().replace(/^0+(?=.)/, ''))
    .join(':')}::/64`;
}

/**
 * Counts failed API key checks per address: slows an address down, then locks it out for a while;
 * other addresses are unaffected. A good key does not clear the count (failures age out with the
 * window), so one valid key cannot be used to keep guessing at others.
 */
export class FailureLimiter {
  private readonly tallies = new Map<string, Tally>();
  private readonly options: FailureLimiterOptions;

  constructor(
    private readonly clock: Clock,
    options: Partial<FailureLimiterOptions> = {},
  ) {
    this.options = { ...DEFAULT_FAILURE_LIMITS, ...options };
  }

  /** Whether the address is locked out now (checked before any work is done for it). */
  check(remoteAddress: string): FailureVerdict {
    const tally = this.current(addressKey(remoteAddress));
    return tally && tally.lockedUntil > this.clock.now() ? this.lockedVerdict(tally) : { locked: false, delayMs: 0 };
  }

  /** Counts a failure; says how long to hold the answer, or that the address is now locked out. */
  recordFailure(remoteAddress: string): FailureVerdict {
    const key = addressKey(remoteAddress);
    const now = this.clock.now();
    const tally = this.current(key) ?? { failures: 0, firstAt: now, lockedUntil: 0 };
    tally.failures += 1;
    this.tallies.delete(key);
    this.tallies.set(key, tally);
    this.evictBeyondLimit();
    const { freeFailures, lockAfter, lockMs, delayStepMs, maxDelayMs } = this.options;
    if (tally.failures >= lockAfter) {
      tally.lockedUntil = now + lockMs;
      return this.lockedVerdict(tally);
    }
    return { locked: false, delayMs: Math.min(Math.max(0, tally.failures - freeFailures) * delayStepMs, maxDelayMs) };
  }

  private current(key: string): Tally | undefined {
    const tally = this.tallies.get(key);
    if (!tally) return undefined;
    const now = this.clock.now();
    const lockOver = tally.lockedUntil !== 0 && tally.lockedUntil <= now;
    if (lockOver || (tally.lockedUntil === 0 && now - tally.firstAt > this.options.windowMs)) {
      this.tallies.delete(key);
      return undefined;
    }
    return tally;
  }

  private lockedVerdict(tally: Tally): FailureVerdict {
    return { locked: true, retryAfterSeconds: Math.max(1, Math.ceil((tally.lockedUntil - this.clock.now()) / 1000)) };
  }

  private evictBeyondLimit(): void {
    // A Map iterates in insertion order and a counted address is re-inserted, so the first keys are the stalest.
    for (const key of this.tallies.keys()) {
      if (this.tallies.size <= this.options.maxAddresses) break;
      this.tallies.delete(key);
    }
  }
}
