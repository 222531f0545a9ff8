import type { ApiMode } from '../../shared/schemas/actionflow.schema.js';
import type { RequestInput } from '../engine/request-input.js';

/** Per-run limits (settings `maxRunRecords`, `maxValueBytes`): over one, the run fails naming it (DESIGN §10). */
export interface RunBudgets {
  /** Records held at once in the run's inboxes and outputs. */
  maxRecords: number;
  /** The size of any one value a built-in returns: characters of a string, 8 bytes per element of an array or key of an object. */
  maxValueBytes: number;
}

/** Everything a run worker needs to perform one run: the worker reads the flow, its tables and secrets itself. */
export interface RunJob {
  processId: string;
  flowId: number;
  revision: number;
  application: string;
  actionflow: string;
  mode: ApiMode;
  /** Who performs the run: `system` for anonymous endpoints. */
  user: string;
  /** The request line and size, for the Request message. */
  method: string;
  bytes: number;
  request: RequestInput;
  /** When the run is aborted (epoch ms on the system's clock): the request's arrival plus its timeout, or the maximum run time in async mode. */
  deadlineAt: number;
  /** How long the run was allowed, as the 504 message says it. */
  allowedMs: number;
  budgets: RunBudgets;
}
