import { TRACE_RECORDS_PER_NODE, type NodeTrace, type RunTrace } from '../../shared/dto/run-trace.dto.js';
import { LOGGED_BODY_BYTES } from './run-log.js';
import type { CompiledFlow, CompiledNode } from './compile-flow.js';
import { maskValue } from './mask.js';
import type { DataRecord } from './record.js';

/** A record bigger than this once serialized is kept as a note of its size (the console's cap on a body). */
const MAX_RECORD_BYTES = LOGGED_BODY_BYTES;

/**
 * Records what a run does on its flow for the designer (DESIGN §8): how many records crossed each
 * connection, the first records each node took and sent, and where records failed. Copies are
 * taken of the first records only, so a large run costs a count per record.
 */
export class RunTracer {
  private readonly connections = new Map<string, number>();
  /** Per `node id \0 point`, the ids of the connections leaving it. */
  private readonly leaving = new Map<string, string[]>();
  private readonly nodes = new Map<string, NodeTrace>();
  private failure: RunTrace['failure'] = null;

  constructor(private readonly flow: CompiledFlow) {
    for (const connection of flow.flow.connections) {
      const key = `${connection.from.node}\u0000${connection.from.point}`;
      const ids = this.leaving.get(key) ?? [];
      ids.push(connection.id);
      this.leaving.set(key, ids);
    }
  }

  /** `node` takes `records` (before it changes any of them). */
  took(node: CompiledNode, records: readonly DataRecord[]): void {
    if (records.length === 0) return;
    const trace = this.nodeTrace(node.id);
    trace.inputCount += records.length;
    for (const record of records) {
      if (trace.input.length >= TRACE_RECORDS_PER_NODE) break;
      trace.input.push(kept(record));
    }
  }

  /** `node` sends `record` by `point`. */
  sent(node: CompiledNode, point: string, record: DataRecord): void {
    const trace = this.nodeTrace(node.id);
    trace.outputCount++;
    if (trace.output.length < TRACE_RECORDS_PER_NODE) trace.output.push({ point, record: kept(record) });
    for (const id of this.leaving.get(`${node.id}\u0000${point}`) ?? []) this.connections.set(id, (this.connections.get(id) ?? 0) + 1);
  }

  /** A record failed at the node with id `node`. */
  failed(node: string, message: string): void {
    const trace = this.nodeTrace(node);
    trace.errorCount++;
    trace.error ??= message;
    this.failure ??= { node, message };
  }

  /** The trace so far, with every secret value the run used and every `authorization` attribute masked. */
  result(secrets: ReadonlySet<string>): RunTrace {
    const trace: RunTrace = {
      application: this.flow.application,
      actionflow: this.flow.flow.name,
      revision: this.flow.revision,
      connections: Object.fromEntries(this.connections),
      nodes: Object.fromEntries(this.nodes),
      failure: this.failure,
    };
    return maskValue(trace, secrets) as RunTrace;
  }

  private nodeTrace(id: string): NodeTrace {
    let trace = this.nodes.get(id);
    if (!trace) {
      trace = { inputCount: 0, input: [], outputCount: 0, output: [], errorCount: 0, error: null };
      this.nodes.set(id, trace);
    }
    return trace;
  }
}

/** A copy of `record` as it is now (its `authorization` attributes masked), or a note of its size when it is too big to keep. */
function kept(record: DataRecord): unknown {
  const copy = maskValue(record, NO_SECRETS);
  const text = JSON.stringify(copy);
  if (text !== undefined && text.length * 3 > MAX_RECORD_BYTES && Buffer.byteLength(text) > MAX_RECORD_BYTES) {
    return { truncated: true, bytes: Buffer.byteLength(text) };
  }
  return copy;
}

const NO_SECRETS: ReadonlySet<string> = new Set();
