/** How often pending writes go to the disk. */
export const WRITE_INTERVAL_MS = 50;

/**
 * Collects writes by key (a later write of a key replaces the pending one) and hands them to
 * `write` in one batch every `intervalMs` and on `flush`, so a request never waits on the disk.
 * A batch that fails is logged and kept for the next try, unless a newer write replaced it.
 */
export class WriteBehind<K, V> {
  private pending = new Map<K, V>();
  private timer: NodeJS.Timeout | undefined;
  private closed = false;
  private lastError = '';

  constructor(
    private readonly write: (batch: ReadonlyMap<K, V>) => void,
    private readonly intervalMs = WRITE_INTERVAL_MS,
  ) {}

  /** Queues the write of `key`; it goes out with the next batch. */
  put(key: K, value: V): void {
    this.pending.set(key, value);
    if (this.timer === undefined && !this.closed) {
      this.timer = setTimeout(() => this.flush(), this.intervalMs);
      this.timer.unref();
    }
  }

  /** The value pending for `key`, not yet written. */
  get(key: K): V | undefined {
    return this.pending.get(key);
  }

  get size(): number {
    return this.pending.size;
  }

  /** Writes everything pending now. */
  flush(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    if (this.pending.size === 0) return;
    const batch = this.pending;
    this.pending = new Map();
    try {
      this.write(batch);
      this.lastError = '';
    } catch (error) {
      const message = (error as Error).message;
      if (message !== this.lastError) console.error(`actionflow: could not write to studio.db (${message}); will try again`);
      this.lastError = message;
      for (const [key, value] of batch) if (!this.pending.has(key)) this.pending.set(key, value);
      if (!this.closed && this.timer === undefined) {
        this.timer = setTimeout(() => this.flush(), this.intervalMs * 20);
        this.timer.unref();
      }
    }
  }

  /** Writes what is pending and takes no more timed batches (later writes wait for an explicit flush). */
  close(): void {
    this.closed = true;
    this.flush();
    clearTimeout(this.timer);
    this.timer = undefined;
  }
}
