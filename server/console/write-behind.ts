/** How often pending writes go to the disk: each batch is one transaction (one commit), whatever it holds. */
export const WRITE_INTERVAL_MS = 100;

/** Writes queued by key: a later write of a key replaces the pending one. */
export class PendingWrites<K, V> {
  private pending = new Map<K, V>();
  /** When this queue's last batch was taken. */
  lastTaken = 0;

  constructor(
    private readonly scheduleFlush: () => void,
    /** Stores a batch (inside the shared transaction). */
    readonly write: (batch: ReadonlyMap<K, V>) => void,
    /** How often its batches are written when nothing asks for a flush. */
    readonly everyMs: number,
  ) {}

  get size(): number {
    return this.pending.size;
  }

  /** Queues the write of `key`; it goes out with the next batch. */
  put(key: K, value: V): void {
    this.pending.set(key, value);
    this.scheduleFlush();
  }

  /** The value pending for `key`, not yet written. */
  get(key: K): V | undefined {
    return this.pending.get(key);
  }

  /** Takes what is pending, leaving the queue empty. */
  take(): Map<K, V> {
    const batch = this.pending;
    this.pending = new Map();
    return batch;
  }

  /** Puts back a batch that could not be written, except keys written again since. */
  restore(batch: ReadonlyMap<K, V>): void {
    for (const [key, value] of batch) if (!this.pending.has(key)) this.pending.set(key, value);
  }
}

/**
 * Collects writes from several queues and writes the ones that are due every `intervalMs` (each
 * queue at its own pace), and all of them on `flush`, in one transaction, so a request never
 * waits on the disk and the disk sees few commits. A batch that fails is logged and kept for the
 * next try, unless a newer write of the same key replaced it.
 */
export class WriteBehind {
  private readonly queues: PendingWrites<unknown, unknown>[] = [];
  private timer: NodeJS.Timeout | undefined;
  private closed = false;
  private lastError = '';

  constructor(
    private readonly transaction: (work: () => void) => void,
    private readonly intervalMs = WRITE_INTERVAL_MS,
  ) {}

  /**
   * A new queue whose batches `write` stores (inside the shared transaction), every `everyMs`
   * (a multiple of the interval) unless a flush writes it sooner.
   */
  queue<K, V>(write: (batch: ReadonlyMap<K, V>) => void, everyMs = this.intervalMs): PendingWrites<K, V> {
    const queue = new PendingWrites<K, V>(() => this.schedule(), write, everyMs);
    this.queues.push(queue as PendingWrites<unknown, unknown>);
    return queue;
  }

  private schedule(delayMs = this.intervalMs): void {
    if (this.timer !== undefined || this.closed) return;
    this.timer = setTimeout(() => this.writeDue(), delayMs);
    this.timer.unref();
  }

  /** Writes everything pending now, in one transaction. */
  flush(): void {
    this.write(() => true);
  }

  /** Writes what `queue` holds now, in a transaction of its own (the other queues wait for their time). */
  flushQueue<K, V>(queue: PendingWrites<K, V>): void {
    this.write((candidate) => candidate === (queue as PendingWrites<unknown, unknown>));
  }

  private writeDue(): void {
    const now = Date.now();
    // Half an interval of slack, so that a queue due at every tenth tick is not left for an eleventh.
    this.write((queue) => now - queue.lastTaken >= queue.everyMs - this.intervalMs / 2);
  }

  /** Writes the queues `pick` chooses, in one transaction, and comes back later for the rest. */
  private write(pick: (queue: PendingWrites<unknown, unknown>) => boolean): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    const now = Date.now();
    const batches = this.queues.map((queue) => {
      if (queue.size === 0 || !pick(queue)) return new Map<unknown, unknown>();
      queue.lastTaken = now;
      return queue.take();
    });
    if (this.queues.some((queue) => queue.size > 0)) this.schedule();
    if (batches.every((batch) => batch.size === 0)) return;
    try {
      this.transaction(() => this.queues.forEach((queue, index) => batches[index]!.size > 0 && queue.write(batches[index]!)));
      this.lastError = '';
    } catch (error) {
      const message = (error as Error).message;
      if (message !== this.lastError) console.error(`actionflow: could not write to studio.db (${message}); will try again`);
      this.lastError = message;
      this.queues.forEach((queue, index) => queue.restore(batches[index]!));
      clearTimeout(this.timer);
      this.timer = undefined;
      this.schedule(this.intervalMs * 20);
    }
  }

  /** Writes what is pending and takes no more timed batches (later writes wait for an explicit flush). */
  close(): void {
    this.flush();
    this.closed = true;
    clearTimeout(this.timer);
    this.timer = undefined;
  }
}
