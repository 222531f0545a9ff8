import type { CompiledFlow, CompiledNode } from './compile-flow.js';
import type { Emit, NodeRun, OutputArrival } from './executors/node-executor.js';
import { maskText, maskValue } from './mask.js';
import { copyValue, type DataRecord } from './record.js';
import type { ResponseReply } from './response-reply.js';
import { RunAborted, throwIfAborted } from './run-aborted.error.js';
import { RunBudgetExceeded, tooManyRecords } from './run-budgets.js';
import type { RunState } from './run-state.js';
import { RunTracer } from './run-trace.js';
import type { RequestInput } from './request-input.js';

export interface FlowRunOptions {
  /** The request of a triggered flow; absent in a flow run by `callFlow`. */
  request?: RequestInput;
  /** Put before node names in failures: `<callFlow node>/` inside a called flow. */
  prefix: string;
  /** Whether `response` nodes answer (they are ignored in a called flow). */
  answers: boolean;
}

/**
 * One pass of records through a compiled flow (DESIGN §4). Nodes run in topological order, so a
 * node has every record that can reach it before it starts, and records arrive in a fixed order.
 * Each record is handled on its own: a failure stops that record only.
 */
export class FlowRun {
  private readonly inboxes: DataRecord[][];
  /** Records returned per connected `output`, in arrival order. */
  readonly outputs = new Map<string, DataRecord[]>();
  /** Every record that reached an `output`, in arrival order, with the output's name. */
  readonly arrivals: OutputArrival[] = [];
  /** How many records completed. */
  completed = 0;
  response: ResponseReply | undefined;
  /** What the designer shows of the run: kept for the triggered flow, when its log takes it. */
  readonly tracer: RunTracer | undefined;

  constructor(
    private readonly flow: CompiledFlow,
    readonly state: RunState,
    readonly options: FlowRunOptions,
  ) {
    this.inboxes = flow.nodes.map(() => []);
    for (const name of flow.outputNames) this.outputs.set(name, []);
    this.tracer = state.depth === 0 && state.log.traced ? new RunTracer(flow) : undefined;
  }

  /** Gives the run's log the trace of what the run did, once, at its end (finished or aborted). */
  reportTrace(): void {
    if (this.tracer) this.state.log.traced?.(this.tracer.result(this.state.secrets));
  }

  /**
   * Runs the flow with `seed` as what its `apiInput` takes; rejects with `RunAborted` once the run
   * is aborted, or `RunBudgetExceeded` once it holds more records than its budget. Between records
   * it lets the other runs of its process in, once it has held the event loop for a slice.
   */
  async run(seed: DataRecord): Promise<void> {
    const { nodes, inputIndex } = this.flow;
    const { signal, slice } = this.state;
    if (inputIndex !== undefined) {
      this.hold(1);
      this.inboxes[inputIndex]!.push(seed);
    }
    for (let index = 0; index < nodes.length; index++) {
      const node = nodes[index]!;
      const records = this.inboxes[index]!;
      this.inboxes[index] = [];
      throwIfAborted(signal);
      this.tracer?.took(node, records);
      const processor = node.processor;
      if ('all' in processor) {
        const context = new NodeContext(this, node);
        try {
          await processor.all(records, context, this.emitter(node));
        } catch (error) {
          for (const record of records) context.fail(record, error);
        }
        this.release(records.length);
        continue;
      }
      if (records.length === 0) continue;
      const context = new NodeContext(this, node);
      const emit = this.emitter(node);
      for (const record of records) {
        const pause = slice.pause();
        if (pause) await pause;
        throwIfAborted(signal);
        try {
          const pending = processor.each(record, context, emit);
          if (pending) await pending;
          if (node.consumes) this.completed++;
        } catch (error) {
          context.fail(record, error);
        }
      }
      this.release(records.length);
    }
  }

  /** Counts records the run now holds against its budget. */
  hold(count: number): void {
    const held = this.state.held;
    held.records += count;
    if (held.records > this.state.budgets.maxRecords) throw tooManyRecords(this.state.budgets);
  }

  private release(count: number): void {
    this.state.held.records -= count;
  }

  private emitter(node: CompiledNode): Emit {
    return (point, record) => {
      this.tracer?.sent(node, point, record);
      const targets = node.targets.get(point);
      if (!targets || targets.length === 0) {
        // Sent from a node with no way on: complete. Sent to an unconnected point of a node that has one: dropped.
        if (node.isEnd) this.completed++;
        return;
      }
      this.hold(targets.length);
      this.inboxes[targets[0]!]!.push(record);
      for (let k = 1; k < targets.length; k++) this.inboxes[targets[k]!]!.push(copyValue(record));
    };
  }
}

/** What one node sees of the run (see `NodeRun`). */
class NodeContext implements NodeRun {
  readonly node: string;
  private readonly nodeId: string;

  constructor(
    private readonly run: FlowRun,
    compiled: CompiledNode,
  ) {
    this.node = compiled.name;
    this.nodeId = compiled.id;
  }

  get log() {
    return this.run.state.log;
  }

  get signal() {
    return this.run.state.signal;
  }

  get user() {
    return this.run.state.user;
  }

  get request() {
    return this.run.options.request;
  }

  get responded() {
    return !this.run.options.answers || this.run.response !== undefined;
  }

  noteSecret(value: string): void {
    this.run.state.secrets.add(value);
  }

  mask(value: unknown): unknown {
    return maskValue(value, this.run.state.secrets);
  }

  get maxValueBytes() {
    return this.run.state.budgets.maxValueBytes;
  }

  pause(): Promise<void> | undefined {
    return this.run.state.slice.pause();
  }

  fail(record: DataRecord, error: unknown): void {
    if (error instanceof RunAborted || error instanceof RunBudgetExceeded) throw error;
    const { state, options } = this.run;
    const node = `${options.prefix}${this.node}`;
    const message = maskText(messageOf(error), state.secrets);
    const shown = maskValue(record, state.secrets);
    state.errors.push({ node, message, record: shown });
    this.run.tracer?.failed(this.nodeId, message);
    state.log.add('Error', `${node}: ${message}`, { node, message, record: shown });
  }

  collect(output: string, record: DataRecord): void {
    this.run.hold(1);
    this.run.outputs.get(output)?.push(record);
    this.run.arrivals.push({ output, record });
  }

  respond(reply: ResponseReply): void {
    if (!this.responded) this.run.response = reply;
  }

  callFlow(target: { application: string; actionflow: string }, record: DataRecord): Promise<OutputArrival[]> {
    const { state, options } = this.run;
    return state.callFlow(target, record, state, `${options.prefix}${this.node}/`);
  }
}

function messageOf(error: unknown): string {
  if (error instanceof Error) return error.message || error.name;
  const message = (error as { message?: unknown } | null)?.message;
  return typeof message === 'string' ? message : String(error);
}
