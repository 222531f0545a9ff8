import type { NodeConfig, NodeType } from '../../../shared/node-types/registry.js';
import type { ExpressionContext } from '../expressions/expression-context.js';
import type { ExpressionCompiler } from '../expressions/expression-compiler.js';
import type { DataRecord } from '../record.js';
import type { ResponseReply } from '../response-reply.js';
import type { RequestInput } from '../request-input.js';
import type { TableAccess } from '../tables/table-access.js';

/** Sends a record on from one of the node's output points. */
export type Emit = (point: string, record: DataRecord) => void;

/** A record that reached an `output` node of a flow run by `callFlow`. */
export interface OutputArrival {
  output: string;
  record: DataRecord;
}

/** What a node sees of its run while it handles records. */
export interface NodeRun extends ExpressionContext {
  /** Who performs the run. */
  readonly user: string;
  /** The request that triggered the run; absent in a flow run by `callFlow`. */
  readonly request: RequestInput | undefined;
  /** Reports that `record` failed here (for processors that take every record at once). */
  fail(record: DataRecord, error: unknown): void;
  /** Returns a record at the output called `output`. */
  collect(output: string, record: DataRecord): void;
  /** True once a `response` node has made the reply. */
  readonly responded: boolean;
  /** Makes the reply, unless one was made already. */
  respond(reply: ResponseReply): void;
  /** Runs another flow inside this run with `record` as its input; gives what reached its outputs, in arrival order. */
  callFlow(target: { application: string; actionflow: string }, record: DataRecord): Promise<OutputArrival[]>;
}

/** A node of type `T` with its config parsed (defaults filled). */
export interface TypedNode<T extends NodeType> {
  id: string;
  name: string;
  type: T;
  config: NodeConfig<T>;
}

/** What preparing a node may use: it happens once per flow version. */
export interface PrepareContext {
  application: string;
  compile: ExpressionCompiler;
  tables: TableAccess;
  /** The node's output points that have a connection. */
  connectedOutputs: ReadonlySet<string>;
}

/**
 * How a prepared node handles records: `each` takes one record at a time (a throw fails that
 * record); `all` takes every record that reached the node at once, even none (`aggregate`).
 */
export type NodeProcessor =
  | { readonly each: (record: DataRecord, run: NodeRun, emit: Emit) => void | Promise<void> }
  | { readonly all: (records: DataRecord[], run: NodeRun, emit: Emit) => void | Promise<void> };

/** The engine's side of a node type: compiles a node once, then handles its records. */
export interface NodeExecutor<T extends NodeType> {
  prepare(node: TypedNode<T>, context: PrepareContext): NodeProcessor;
}
