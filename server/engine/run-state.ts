import type { EventLoopSlice } from './event-loop-slice.js';
import type { OutputArrival } from './executors/node-executor.js';
import type { DataRecord } from './record.js';
import type { RunBudgets } from './run-budgets.js';
import type { RunSignal } from './run-aborted.error.js';
import type { RunLog } from './run-log.js';

/** A record that failed: the node's name, the message, and the record as it arrived there, masked (DESIGN §5). */
export interface RecordError {
  node: string;
  message: string;
  record: unknown;
}

/** What one run shares with every flow it calls: who runs it, its signal, its log, its failures, its budgets. */
export interface RunState {
  readonly processId: string;
  readonly user: string;
  readonly log: RunLog;
  readonly signal: RunSignal;
  readonly errors: RecordError[];
  /** Secret values the run has used, masked wherever it shows a value. */
  readonly secrets: Set<string>;
  /** How many `callFlow`s deep this flow runs; 0 for the triggered flow. */
  readonly depth: number;
  readonly budgets: RunBudgets;
  /** Records held at once across the run and the flows it calls, against `budgets.maxRecords`. */
  readonly held: { records: number };
  /** The event loop this run shares with the others of its process. */
  readonly slice: EventLoopSlice;
  /** Runs another flow inside this run (`callFlow`); `caller` prefixes the names of nodes that fail there. */
  callFlow(target: { application: string; actionflow: string }, record: DataRecord, state: RunState, caller: string): Promise<OutputArrival[]>;
}
