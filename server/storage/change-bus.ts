/** What changed in the store, so caches drop only what they hold of it. */
export type ChangeKind = 'workspace' | 'security' | 'settings';

type Listener = (kind: ChangeKind) => void;

/** Tells in-process caches that stored data changed, here or (via `PRAGMA data_version`) in another process. */
export class ChangeBus {
  private readonly listeners = new Set<Listener>();

  /** Calls `listener` after every change; returns the function that stops it. */
  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  notify(kind: ChangeKind): void {
    for (const listener of this.listeners) listener(kind);
  }

  /** A change made by another process: everything may have changed. */
  notifyAll(): void {
    for (const kind of ['workspace', 'security', 'settings'] as const) this.notify(kind);
  }
}
