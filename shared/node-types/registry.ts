import type { z } from 'zod';
import { aggregateNode } from './aggregate.node.js';
import { apiInputNode } from './api-input.node.js';
import { calculateNode } from './calculate.node.js';
import { callFlowNode } from './call-flow.node.js';
import { debugNode } from './debug.node.js';
import { errorNode } from './error.node.js';
import { filterNode } from './filter.node.js';
import { gatewayNode } from './gateway.node.js';
import { httpNode } from './http.node.js';
import type { NodeTypeDeclaration } from './node-type.js';
import { outputNode } from './output.node.js';
import { readTableNode } from './read-table.node.js';
import { responseNode } from './response.node.js';
import { saveTableNode } from './save-table.node.js';
import { splitNode } from './split.node.js';

/** Every node type of version 1, in palette order. An explicit list: adding a type means adding it here. */
export const NODE_TYPES = [
  apiInputNode,
  calculateNode,
  gatewayNode,
  filterNode,
  splitNode,
  aggregateNode,
  readTableNode,
  saveTableNode,
  httpNode,
  callFlowNode,
  debugNode,
  errorNode,
  outputNode,
  responseNode,
] as const;

type AnyDeclaration = (typeof NODE_TYPES)[number];

/** The `type` of every declared node type. */
export type NodeType = AnyDeclaration['type'];

/** The parsed config of a node of type `T`. */
export type NodeConfig<T extends NodeType> = z.output<Extract<AnyDeclaration, { type: T }>['configSchema']>;

const byType: ReadonlyMap<string, NodeTypeDeclaration> = new Map(NODE_TYPES.map((declaration) => [declaration.type, declaration]));

/** The declaration of `type`, or undefined for a type this version does not know. */
export function findNodeType(type: string): NodeTypeDeclaration | undefined {
  return byType.get(type);
}

/** True when `type` is a declared node type. */
export function isNodeType(type: string): type is NodeType {
  return byType.has(type);
}
