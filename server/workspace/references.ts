import type { Reference } from '../../shared/dto/workspace.dto.js';
import { flowReferenceOf, tableReferenceOf, withFlowReference, withRenamedColumns, withTableReference } from '../../shared/node-types/references.js';
import type { Actionflow, FlowNode } from '../../shared/schemas/actionflow.schema.js';
import type { Stores } from '../storage/stores.js';

const nodeReference = (application: string, flow: Actionflow, node: FlowNode): Reference => ({
  kind: 'node',
  application,
  actionflow: flow.name,
  node: node.name,
  description: `node "${node.name}" in ${application} / ${flow.name}`,
});

/** The nodes that call `application/actionflow`, in any application. */
export function referencesToFlow(stores: Stores, application: string, actionflow: string): Reference[] {
  return stores.flows.list().flatMap((record) =>
    record.flow.nodes
      .filter((node) => {
        const target = flowReferenceOf(node);
        return target?.application === application && target.actionflow === actionflow;
      })
      .filter(() => !(record.application === application && record.flow.name === actionflow))
      .map((node) => nodeReference(record.application, record.flow, node)),
  );
}

/** The nodes of `application` that read or write `table`. */
export function referencesToTable(stores: Stores, application: string, table: string): Reference[] {
  return stores.flows
    .list(application)
    .flatMap((record) => record.flow.nodes.filter((node) => tableReferenceOf(node) === table).map((node) => nodeReference(application, record.flow, node)));
}

/** What refers to an application from outside it: calls from other applications' flows, and roles scoped to it. */
export function referencesToApplication(stores: Stores, application: string): Reference[] {
  const calls = stores.flows
    .list()
    .filter((record) => record.application !== application)
    .flatMap((record) =>
      record.flow.nodes
        .filter((node) => flowReferenceOf(node)?.application === application)
        .map((node) => nodeReference(record.application, record.flow, node)),
    );
  const roles = stores.security
    .roles()
    .filter((role) => role.application === application)
    .map((role): Reference => ({ kind: 'role', role: role.name, description: `role "${role.name}"` }));
  return [...calls, ...roles];
}

/** Rewrites every stored flow whose nodes `rewrite` changes (each such flow gets a new revision). */
export function rewriteStoredFlows(stores: Stores, rewrite: (node: FlowNode, application: string) => FlowNode, application?: string): void {
  for (const record of stores.flows.list(application)) {
    let changed = false;
    const nodes = record.flow.nodes.map((node) => {
      const next = rewrite(node, record.application);
      if (next !== node) changed = true;
      return next;
    });
    if (changed) stores.flows.update(record.application, record.flow.name, { ...record.flow, nodes });
  }
}

/** Points every call of `from` at `to`. */
export function retargetFlowCalls(stores: Stores, from: { application: string; actionflow: string }, to: { application: string; actionflow: string }): void {
  rewriteStoredFlows(stores, (node) => {
    const target = flowReferenceOf(node);
    return target?.application === from.application && target.actionflow === from.actionflow ? withFlowReference(node, to) : node;
  });
}

/** Points every call into application `from` at application `to`. */
export function retargetApplicationCalls(stores: Stores, from: string, to: string): void {
  rewriteStoredFlows(stores, (node) => {
    const target = flowReferenceOf(node);
    return target?.application === from ? withFlowReference(node, { application: to, actionflow: target.actionflow }) : node;
  });
}

/** Points every node of `application` that names table `from` at `to`. */
export function retargetTableReferences(stores: Stores, application: string, from: string, to: string): void {
  rewriteStoredFlows(stores, (node) => (tableReferenceOf(node) === from ? withTableReference(node, to) : node), application);
}

/** Points every node of `application` that names a column of `table` at its new name (`renamed`: old to new). */
export function retargetColumnReferences(stores: Stores, application: string, table: string, renamed: Record<string, string>): void {
  rewriteStoredFlows(stores, (node) => (tableReferenceOf(node) === table ? withRenamedColumns(node, renamed) : node), application);
}
