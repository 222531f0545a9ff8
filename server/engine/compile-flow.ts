import { isTap, topologicalOrder } from '../../shared/flow-graph.js';
import { findNodeType, isNodeType, type NodeType } from '../../shared/node-types/registry.js';
import type { Problem } from '../../shared/problem.js';
import type { Actionflow } from '../../shared/schemas/actionflow.schema.js';
import { checkActionflow } from '../../shared/validation/check-actionflow.js';
import type { ExpressionCompiler } from './expressions/expression-compiler.js';
import { prepareNode, type ExecutorRegistry } from './executors/executor-registry.js';
import type { NodeProcessor } from './executors/node-executor.js';
import type { TableAccess } from './tables/table-access.js';

/** A node ready to run. */
export interface CompiledNode {
  id: string;
  name: string;
  type: NodeType;
  processor: NodeProcessor;
  /** Per output point, the positions (in `CompiledFlow.nodes`) of the nodes it feeds. */
  targets: ReadonlyMap<string, readonly number[]>;
  /** No outgoing connection at all and not a tap: a record this node sends on completes. */
  isEnd: boolean;
  /** No output points (`output`, `response`): a record it takes without failing completes. */
  consumes: boolean;
}

/** A flow version compiled once: validated, in topological order, expressions compiled, tables resolved. */
export interface CompiledFlow {
  id: number;
  revision: number;
  application: string;
  flow: Actionflow;
  /** In topological order; empty when the flow has problems. */
  nodes: CompiledNode[];
  /** The position of the `apiInput` node in `nodes`. */
  inputIndex: number | undefined;
  /** The `output` nodes with an incoming connection, in the flow's order: the keys of a reply's `data`. */
  outputNames: string[];
  /** Why the flow cannot run; empty when it can. */
  problems: Problem[];
}

/** The stored flow a compiled flow comes from. */
export interface FlowVersion {
  id: number;
  revision: number;
  application: string;
  flow: Actionflow;
}

export interface CompileContext {
  /** The node types' executors; the real ones when absent. */
  executors?: ExecutorRegistry;
  compile: ExpressionCompiler;
  tables: TableAccess;
}

/** Compiles a stored flow version; a flow with problems compiles to one that cannot run and says why. */
export function compileFlow(version: FlowVersion, context: CompileContext): CompiledFlow {
  const { flow, problems } = checkActionflow(version.flow);
  const base = { id: version.id, revision: version.revision, application: version.application, flow };
  if (problems.length > 0) return { ...base, nodes: [], inputIndex: undefined, outputNames: [], problems };

  const byId = new Map(flow.nodes.map((node) => [node.id, node]));
  const order = topologicalOrder(flow).order;
  const position = new Map(order.map((id, index) => [id, index]));
  const nodes = order.map((id): CompiledNode => {
    const node = byId.get(id)!;
    if (!isNodeType(node.type)) throw new Error(`unknown node type "${node.type}" passed the check`);
    const outgoing = flow.connections.filter((connection) => connection.from.node === id);
    const targets = new Map<string, number[]>();
    for (const connection of outgoing) {
      const list = targets.get(connection.from.point) ?? [];
      list.push(position.get(connection.to.node)!);
      targets.set(connection.from.point, list);
    }
    const processor = prepareNode(
      { id, name: node.name, type: node.type, config: node.config },
      {
        application: version.application,
        compile: context.compile,
        tables: context.tables,
        connectedOutputs: new Set(targets.keys()),
      },
      context.executors,
    );
    return {
      id,
      name: node.name,
      type: node.type,
      processor,
      targets,
      // A record that ends at a tap (DESIGN §4 `debug`) neither completes nor fails.
      isEnd: outgoing.length === 0 && !isTap(flow, node),
      consumes: findNodeType(node.type)!.outputs.length === 0,
    };
  });
  const fed = new Set(flow.connections.map((connection) => connection.to.node));
  const inputIndex = nodes.findIndex((node) => node.type === 'apiInput');
  return {
    ...base,
    nodes,
    inputIndex: inputIndex < 0 ? undefined : inputIndex,
    outputNames: flow.nodes.filter((node) => node.type === 'output' && fed.has(node.id)).map((node) => node.name),
    problems: [],
  };
}
