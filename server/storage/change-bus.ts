/** What changed in the store, so caches drop only what they hold of it. */
export type ChangeKind = 'workspace' | 'security' | 'settings';

/** Every kind of change, in a fixed order. */
export const CHANGE_KINDS: readonly ChangeKind[] = ['workspace', 'security', 'settings'];

/** Where a change was made: through this process's stores, or by another process on the same data. */
export type ChangeOrigin = 'here' | 'elsewhere';

type Listener = (kind: ChangeKind, origin: ChangeOrigin) => void;

/** Tells in-process caches that stored data changed, here or in another process (see `externalChangeWatcher`). */
export class ChangeBus {
  private readonly listeners = new Set<Listener>();

  /** Calls `listener` after every change; returns the function that stops it. */
  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  notify(kind: ChangeKind, origin: ChangeOrigin = 'here'): void {
    for (const listener of this.listeners) listener(kind, origin);
  }

  /** Everything may have changed elsewhere. */
  notifyAll(): void {
    for (const kind of CHANGE_KINDS) this.notify(kind, 'elsewhere');
  }
}
