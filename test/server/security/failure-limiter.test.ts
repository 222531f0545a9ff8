import { describe, expect, it } from 'vitest';
import { addressKey, FailureLimiter } from '../../../server/security/failure-limiter.js';
import { manualClock } from './security-fixture.js';

describe('FailureLimiter', () => {
  it('answers the first failures at once, then holds each answer longer, up to the cap', () => {
    const limiter = new FailureLimiter(manualClock(), { freeFailures: 2, lockAfter: 100, delayStepMs: 300, maxDelayMs: 1000 });
    const delays = Array.from({ length: 8 }, () => limiter.recordFailure('203.0.113.1'));
    expect(delays.map((verdict) => (verdict.locked ? 'locked' : verdict.delayMs))).toEqual([0, 0, 300, 600, 900, 1000, 1000, 1000]);
  });

  it('locks an address out at the last allowed failure and lets it in again when the lock ends', () => {
    const clock = manualClock();
    const limiter = new FailureLimiter(clock, { lockAfter: 3, lockMs: 30_000 });
    limiter.recordFailure('203.0.113.1');
    limiter.recordFailure('203.0.113.1');
    expect(limiter.recordFailure('203.0.113.1')).toEqual({ locked: true, retryAfterSeconds: 30 });
    clock.advance(10_500);
    expect(limiter.check('203.0.113.1')).toEqual({ locked: true, retryAfterSeconds: 20 });
    expect(limiter.check('203.0.113.2')).toEqual({ locked: false, delayMs: 0 });
    clock.advance(20_000);
    expect(limiter.check('203.0.113.1')).toEqual({ locked: false, delayMs: 0 });
    expect(limiter.recordFailure('203.0.113.1')).toEqual({ locked: false, delayMs: 0 });
  });

  it('forgets failures older than the window', () => {
    const clock = manualClock();
    const limiter = new FailureLimiter(clock, { lockAfter: 3, windowMs: 60_000 });
    limiter.recordFailure('203.0.113.1');
    limiter.recordFailure('203.0.113.1');
    clock.advance(60_001);
    expect(limiter.recordFailure('203.0.113.1')).toMatchObject({ locked: false });
  });

  it('counts an IPv4 address the same whether or not it comes mapped into IPv6', () => {
    const limiter = new FailureLimiter(manualClock(), { lockAfter: 2 });
    limiter.recordFailure('::ffff:198.51.100.4');
    expect(limiter.recordFailure('198.51.100.4')).toMatchObject({ locked: true });
  });

  it('counts every IPv6 address of one /64 together, and other /64s apart', () => {
    expect(addressKey('2001:db8:1:2::1')).toBe('2001:db8:1:2::/64');
    expect(addressKey('2001:0db8:0001:0002:aaaa:bbbb:cccc:dddd')).toBe('2001:db8:1:2::/64');
    expect(addressKey('::1')).toBe('0:0:0:0::/64');
    expect(addressKey('fe80::1%eth0')).toBe('fe80:0:0:0::/64');
    const limiter = new FailureLimiter(manualClock(), { lockAfter: 2 });
    limiter.recordFailure('2001:db8:1:2::1');
    expect(limiter.recordFailure('2001:db8:1:3::1')).toMatchObject({ locked: false });
    expect(limiter.recordFailure('2001:db8:1:2::ffff')).toMatchObject({ locked: true });
  });

  it('tracks a bounded number of addresses, dropping the stalest', () => {
    const limiter = new FailureLimiter(manualClock(), { lockAfter: 2, maxAddresses: 3 });
    limiter.recordFailure('192.0.2.1');
    for (const address of ['192.0.2.2', '192.0.2.3', '192.0.2.4']) limiter.recordFailure(address);
    expect(limiter.recordFailure('192.0.2.1')).toMatchObject({ locked: false });
    expect(limiter.recordFailure('192.0.2.4')).toMatchObject({ locked: true });
  });
});
