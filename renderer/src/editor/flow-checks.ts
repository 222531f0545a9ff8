import type { FlowProblems } from './validate-draft.js';

type Checks = typeof import('./validate-draft.js');

/**
 * The problems of a flow not checked yet: none shown. A flow is drawn first and checked straight
 * after (see `checkWhenIdle`), so that opening a large flow does not wait for its checks.
 */
export const UNCHECKED: FlowProblems = Object.freeze({ all: [], byNode: {}, byEdge: {}, warnings: [], warningsByNode: {} });

let loaded: Checks | undefined;
let loading: Promise<Checks> | undefined;

/**
 * The flow checks: validate-draft.ts and what only it needs (the shared checks, JSONata's parser,
 * the regular-expression engine), a script of their own that the page loads once, after the first
 * flow is drawn.
 */
export function loadFlowChecks(): Promise<Checks> {
  return (loading ??= import('./validate-draft.js').then((checks) => (loaded = checks)));
}

/** The flow checks when they have loaded, to check an edit at once; undefined before. */
export function loadedFlowChecks(): Checks | undefined {
  return loaded;
}

/** Runs `task` once the page is idle (the flow drawn), or after a second at most; at once where there is no such wait (tests). */
export function whenIdle(task: () => void): void {
  if (typeof requestIdleCallback === 'function') requestIdleCallback(task, { timeout: 1000 });
  else setTimeout(task, 0);
}
