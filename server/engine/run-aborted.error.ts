/** Why a run stopped before its end: its timeout passed, or it was stopped from the console. */
export type AbortReason = 'timeout' | 'stopped';

/** Thrown through a run's remaining work once the run is aborted, so nothing more is done. */
export class RunAborted extends Error {
  constructor(readonly reason: AbortReason) {
    super(reason === 'timeout' ? 'the run timed out' : 'the run was stopped');
    this.name = 'RunAborted';
  }
}

/** The reason an aborted signal carries (the run manager aborts with an `AbortReason`). */
export function abortReasonOf(signal: AbortSignal): AbortReason {
  return signal.reason === 'stopped' ? 'stopped' : 'timeout';
}

/** Throws `RunAborted` when the run's signal has fired. */
export function throwIfAborted(signal: AbortSignal): void {
  if (signal.aborted) throw new RunAborted(abortReasonOf(signal));
}
