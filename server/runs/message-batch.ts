/**
 * Messages between the front and a run worker go out in batches: every message sent in one turn
 * of the event loop leaves in one write, as an array, when the turn ends. Under load a turn
 * reads many requests (or ends many runs), and a write per message would cost a system call and
 * a wake-up of the other process each.
 */
export class MessageBatch<T> {
  private pending: T[] = [];
  private scheduled: NodeJS.Immediate | undefined;

  constructor(private readonly write: (messages: T[]) => void) {}

  /** Sends `message` with the others of this turn. */
  send(message: T): void {
    this.pending.push(message);
    this.scheduled ??= setImmediate(() => this.flush());
  }

  /** Sends what waits now (before the channel is let go). */
  flush(): void {
    if (this.scheduled) clearImmediate(this.scheduled);
    this.scheduled = undefined;
    const messages = this.pending;
    if (messages.length === 0) return;
    this.pending = [];
    this.write(messages);
  }

  /** Drops what waits (the other side is gone). */
  clear(): void {
    if (this.scheduled) clearImmediate(this.scheduled);
    this.scheduled = undefined;
    this.pending = [];
  }
}

/** Calls `listener` with each message of a batch that came in. */
export function eachOf<T>(listener: (message: T) => void): (batch: unknown) => void {
  return (batch) => {
    for (const message of batch as T[]) listener(message);
  };
}
