import type { Clock } from '../clock.js';
import type { SecurityStore } from '../storage/security.store.js';

/** How often a key's last-used time is written: calls in between share the write (DESIGN keeps it to the minute). */
export const LAST_USED_RESOLUTION_MS = 60_000;
const MAX_TRACKED_KEYS = 10_000;

/**
 * Records when each API key was last used without writing to studio.db on every call: a key's
 * time is written on its first call and then at most once a minute.
 */
export class LastUsedRecorder {
  private readonly writtenAt = new Map<string, number>();

  constructor(
    private readonly security: SecurityStore,
    private readonly clock: Clock,
  ) {}

  /** Notes a successful call with key `id`. */
  used(id: string): void {
    const now = this.clock.now();
    const last = this.writtenAt.get(id);
    if (last !== undefined && now - last < LAST_USED_RESOLUTION_MS) return;
    if (this.writtenAt.size >= MAX_TRACKED_KEYS) this.forgetOlderThan(now - LAST_USED_RESOLUTION_MS);
    this.writtenAt.set(id, now);
    this.security.touchApiKey(id, new Date(now).toISOString());
  }

  private forgetOlderThan(cutoff: number): void {
    for (const [id, at] of this.writtenAt) if (at < cutoff) this.writtenAt.delete(id);
    if (this.writtenAt.size >= MAX_TRACKED_KEYS) this.writtenAt.clear();
  }
}
