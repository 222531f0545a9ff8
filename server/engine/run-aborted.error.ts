/** Why a run stopped before its end: its timeout (or the maximum run time) passed, it was stopped from the console, or the server is stopping. */
export type AbortReason = 'timeout' | 'stopped' | 'shutdown';

const MESSAGES: Record<AbortReason, string> = {
  timeout: 'the run timed out',
  stopped: 'the run was stopped',
  shutdown: 'the server is stopping',
};

/** Thrown through a run's remaining work once the run is aborted, so nothing more is done. */
export class RunAborted extends Error {
  constructor(readonly reason: AbortReason) {
    super(MESSAGES[reason]);
    this.name = 'RunAborted';
  }
}

/** What tells a run it was aborted: checked between steps, and an `AbortSignal` for the APIs that take one (fetch). */
export interface RunSignal {
  readonly aborted: boolean;
  readonly reason: unknown;
  /** An `AbortSignal` that fires with the run's abort (aborted already when the run is). */
  toAbortSignal(): AbortSignal;
}

/**
 * A run's abort. Most runs never call anything that takes an `AbortSignal`, so the
 * `AbortController` behind one is made only when a node asks for it.
 */
export class RunAbort implements RunSignal {
  reason: AbortReason | undefined = undefined;
  private controller: AbortController | undefined;

  get aborted(): boolean {
    return this.reason !== undefined;
  }

  /** Aborts for `reason`; false when the run was aborted already. */
  abort(reason: AbortReason): boolean {
    if (this.reason !== undefined) return false;
    this.reason = reason;
    this.controller?.abort(reason);
    return true;
  }

  toAbortSignal(): AbortSignal {
    if (!this.controller) {
      this.controller = new AbortController();
      if (this.reason !== undefined) this.controller.abort(this.reason);
    }
    return this.controller.signal;
  }
}

/** The reason an aborted run carries (the run manager aborts with an `AbortReason`). */
export function abortReasonOf(signal: { readonly reason: unknown }): AbortReason {
  return signal.reason === 'stopped' || signal.reason === 'shutdown' ? signal.reason : 'timeout';
}

/** Throws `RunAborted` when the run has been aborted. */
export function throwIfAborted(signal: { readonly aborted: boolean; readonly reason: unknown }): void {
  if (signal.aborted) throw new RunAborted(abortReasonOf(signal));
}
