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

/** The reason an aborted signal carries (the run manager aborts with an `AbortReason`). */
export function abortReasonOf(signal: AbortSignal): AbortReason {
  return signal.reason === 'stopped' || signal.reason === 'shutdown' ? signal.reason : 'timeout';
}

/** Throws `RunAborted` when the run's signal has fired. */
export function throwIfAborted(signal: AbortSignal): void {
  if (signal.aborted) throw new RunAborted(abortReasonOf(signal));
}
