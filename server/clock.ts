/** The time source, passed in so tests can move it. */
export interface Clock {
  now(): number;
}

export const systemClock: Clock = { now: () => Date.now() };

/** An ISO 8601 timestamp of the clock's current time. */
export function isoNow(clock: Clock): string {
  return new Date(clock.now()).toISOString();
}
