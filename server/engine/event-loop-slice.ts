/** How long a run may hold its worker's event loop before it lets other runs and messages in. */
const SLICE_MS = 5;

/**
 * The share of the event loop the runs of one process take in turn. Runs call `pause()` between
 * records; it yields (to I/O, timers and the other runs) once the loop has been held for a
 * slice, so a stop, a deadline or another caller's run waits at most about a slice.
 */
export class EventLoopSlice {
  private started = Date.now();

  /** A new turn of the event loop starts (a message arrived): the slice starts again. */
  begin(): void {
    this.started = Date.now();
  }

  /** A promise to await when the slice is used up, else undefined (no cost to await). */
  pause(): Promise<void> | undefined {
    const now = Date.now();
    if (now - this.started < SLICE_MS) return undefined;
    return new Promise<void>((resolve) =>
      setImmediate(() => {
        this.started = Date.now();
        resolve();
      }),
    );
  }
}
