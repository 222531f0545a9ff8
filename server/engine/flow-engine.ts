import type { SecretResolver } from '../security/secret-resolver.js';
import type { ChangeBus } from '../storage/change-bus.js';
import type { FlowRecord as StoredFlow } from '../storage/flow.store.js';
import { compileFlow, type CompiledFlow } from './compile-flow.js';
import type { ExecutorRegistry } from './executors/executor-registry.js';
import { EventLoopSlice } from './event-loop-slice.js';
import { expressionCompiler, expressionLimitsOf, type ExpressionLimits } from './expressions/expression-compiler.js';
import type { OutputArrival } from './executors/node-executor.js';
import { FlowCatalog } from './flow-catalog.js';
import { FlowRun } from './flow-run.js';
import type { DataRecord } from './record.js';
import { RecordFailure } from './record-failure.error.js';
import type { ResponseReply } from './response-reply.js';
import type { RunSignal } from './run-aborted.error.js';
import type { RunLog } from './run-log.js';
import type { RecordError, RunState } from './run-state.js';
import type { RequestInput } from './request-input.js';
import { DEFAULT_RUN_BUDGETS, type RunBudgets } from './run-budgets.js';
import { tableAccessOf, type TableAccess } from './tables/table-access.js';
import type { Stores } from '../storage/stores.js';

/** How deep `callFlow`s may nest (DESIGN §4). */
export const MAX_CALL_DEPTH = 8;

export interface EngineDeps {
  catalog: FlowCatalog;
  tables: TableAccess;
  secrets: SecretResolver;
  /** The current bounds on expressions (from the settings). */
  limits: () => ExpressionLimits;
  bus: ChangeBus;
  /** The node types' executors; the real ones when absent (engine tests give fakes). */
  executors?: ExecutorRegistry;
}

/** Who runs a flow, and what stops it. */
export interface RunOptions {
  processId: string;
  user: string;
  log: RunLog;
  signal: RunSignal;
  /** Default: `DEFAULT_RUN_BUDGETS`. */
  budgets?: RunBudgets;
}

/** What a finished run produced (DESIGN §5 builds the reply from it). */
export interface RunResult {
  /** Records per connected `output`, in arrival order; every connected output has a key. */
  outputs: Map<string, DataRecord[]>;
  errors: RecordError[];
  completed: number;
  /** The reply a `response` node made, if one did. */
  response: ResponseReply | undefined;
  /** Secret values the run used: masked in anything it shows, its reply included. */
  secrets: ReadonlySet<string>;
}

/**
 * The flow engine: compiles each flow version once (dropped when the workspace or the settings
 * change) and runs records through it.
 */
export class FlowEngine {
  private readonly compiled = new Map<number, CompiledFlow>();
  /** The event loop the runs of this process share. */
  readonly slice = new EventLoopSlice();

  constructor(private readonly deps: EngineDeps) {
    deps.bus.subscribe((kind) => {
      // Tables are resolved and expression bounds fixed at compile time.
      if (kind === 'workspace' || kind === 'settings') this.compiled.clear();
    });
  }

  get catalog(): FlowCatalog {
    return this.deps.catalog;
  }

  /** The compiled form of a stored flow, compiled once per (flow, revision). */
  compile(stored: StoredFlow): CompiledFlow {
    const cached = this.compiled.get(stored.id);
    if (cached && cached.revision === stored.revision) return cached;
    const compiled = compileFlow(stored, {
      compile: expressionCompiler(this.deps.limits(), this.deps.secrets),
      tables: this.deps.tables,
      ...(this.deps.executors ? { executors: this.deps.executors } : {}),
    });
    this.compiled.set(stored.id, compiled);
    return compiled;
  }

  /** Runs a flow triggered by a request; rejects with `RunAborted` when its signal fires first. */
  async run(flow: CompiledFlow, request: RequestInput, options: RunOptions): Promise<RunResult> {
    const state: RunState = {
      ...options,
      budgets: options.budgets ?? DEFAULT_RUN_BUDGETS,
      held: { records: 0 },
      slice: this.slice,
      errors: [],
      secrets: new Set(),
      depth: 0,
      callFlow: (target, record, caller, prefix) => this.callFlow(target, record, caller, prefix),
    };
    const run = new FlowRun(flow, state, { request, prefix: '', answers: true });
    await run.run({}).finally(() => run.reportTrace());
    return { outputs: run.outputs, errors: state.errors, completed: run.completed, response: run.response, secrets: state.secrets };
  }

  private async callFlow(target: { application: string; actionflow: string }, record: DataRecord, caller: RunState, prefix: string): Promise<OutputArrival[]> {
    if (caller.depth >= MAX_CALL_DEPTH) throw new RecordFailure(`callFlow is nested more than ${MAX_CALL_DEPTH} deep`);
    const name = `actionflow "${target.actionflow}" of application "${target.application}"`;
    const stored = this.deps.catalog.find(target.application, target.actionflow);
    if (!stored) throw new RecordFailure(`${name} does not exist`);
    const flow = this.compile(stored);
    if (flow.problems.length > 0) throw new RecordFailure(`${name} cannot run: ${flow.problems[0]!.path}: ${flow.problems[0]!.message}`);
    if (flow.inputIndex === undefined) throw new RecordFailure(`${name} has no apiInput node to take the record`);
    const run = new FlowRun(flow, { ...caller, depth: caller.depth + 1 }, { prefix, answers: false });
    await run.run(record);
    return run.arrivals;
  }
}

/** The engine over the stores of a data folder, with expression bounds from its settings (and `executors` in place of the real ones, for tests). */
export function createFlowEngine(stores: Stores, secrets: SecretResolver, executors?: ExecutorRegistry): FlowEngine {
  return new FlowEngine({
    ...(executors ? { executors } : {}),
    catalog: new FlowCatalog(stores.flows, stores.bus),
    tables: tableAccessOf(stores),
    secrets,
    limits: () => {
      const settings = stores.settings.get();
      return expressionLimitsOf(settings);
    },
    bus: stores.bus,
  });
}
