import type { NodeType } from '../../../shared/node-types/registry.js';
import { aggregateExecutor } from './aggregate.executor.js';
import { apiInputExecutor } from './api-input.executor.js';
import { calculateExecutor } from './calculate.executor.js';
import { callFlowExecutor } from './call-flow.executor.js';
import { debugExecutor } from './debug.executor.js';
import { errorExecutor } from './error.executor.js';
import { filterExecutor } from './filter.executor.js';
import { gatewayExecutor } from './gateway.executor.js';
import { httpExecutor } from './http.executor.js';
import type { NodeExecutor, NodeProcessor, PrepareContext, TypedNode } from './node-executor.js';
import { outputExecutor } from './output.executor.js';
import { readTableExecutor } from './read-table.executor.js';
import { responseExecutor } from './response.executor.js';
import { saveTableExecutor } from './save-table.executor.js';
import { splitExecutor } from './split.executor.js';

/** An executor for every node type: what the engine prepares nodes with. */
export type ExecutorRegistry = { [T in NodeType]: NodeExecutor<T> };

/** The executor of every declared node type: a type declared in shared/ without one here does not compile. */
export const EXECUTORS = {
  apiInput: apiInputExecutor,
  calculate: calculateExecutor,
  gateway: gatewayExecutor,
  filter: filterExecutor,
  split: splitExecutor,
  aggregate: aggregateExecutor,
  readTable: readTableExecutor,
  saveTable: saveTableExecutor,
  http: httpExecutor,
  callFlow: callFlowExecutor,
  debug: debugExecutor,
  error: errorExecutor,
  output: outputExecutor,
  response: responseExecutor,
} satisfies { [T in NodeType]: NodeExecutor<T> };

/** Prepares a node whose config was parsed by its type's schema (`checkActionflow`), with the executors given (the real ones by default; tests give fakes). */
export function prepareNode(
  node: { id: string; name: string; type: NodeType; config: Record<string, unknown> },
  context: PrepareContext,
  executors: ExecutorRegistry = EXECUTORS,
): NodeProcessor {
  const executor = executors[node.type] as NodeExecutor<NodeType>;
  return executor.prepare(node as TypedNode<NodeType>, context);
}
