import type { FlowProblems } from './validate-draft.js';

type Checks = typeof import('./validate-draft.js');

/**
 * The problems of a flow not checked yet: none shown. A flow is drawn first and checked once the
 * page is idle (see `whenIdle` and the flow store), so that opening a large flow does not wait for
 * its checks.
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

/**
 * Runs `task` once the page is idle: a flow's nodes and connections are drawn in tasks one after the
 * other, so the first idle moment comes after them (a timeout of a second had the checks land in the
 * middle of drawing a 300-node flow on a slow machine). Five seconds at most; at once where there is
 * no such wait (tests).
 */
export function whenIdle(task: () => void): void {
  if (typeof requestIdleCallback === 'function') requestIdleCallback(task, { timeout: 5000 });
  else setTimeout(task, 0);
}
