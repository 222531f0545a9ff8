import { useMemo } from 'react';
import type { PathSegment } from '../../../../shared/json-path.js';
import { tableReferenceOf } from '../../../../shared/node-types/references.js';
import { flowAttributes } from '../../../../shared/validation/attribute-awareness.js';
import { checkActionflow } from '../../../../shared/validation/check-actionflow.js';
import { useFlowEditor, useFlowStoreApi } from '../flow-store-context.js';
import { flowFromDraft } from '../flow-model.js';
import { workspaceScope } from '../workspace-scope.js';

/**
 * The attribute names that can reach the node a field at `path` belongs to (DESIGN §4 attribute
 * awareness), for the field's completion; a Read Table's fields also get its table's columns.
 */
export function useReachingAttributes(path: readonly PathSegment[]): string[] {
  const store = useFlowStoreApi();
  const index = path[0] === 'nodes' && typeof path[1] === 'number' ? path[1] : undefined;
  // The problems are worked out again only when the flow's structure changes: so are these names.
  const problems = useFlowEditor((state) => state.problems);
  return useMemo(() => {
    if (index === undefined) return [];
    const state = store.getState();
    const { flow } = checkActionflow(flowFromDraft(state));
    const node = flow.nodes[index];
    if (!node) return [];
    const scope = workspaceScope();
    const reaching = flowAttributes(flow, state.application, scope).reaching.get(node.id);
    const table = tableReferenceOf(node);
    const columns = table === undefined ? [] : (scope?.tableColumns(state.application, table) ?? []);
    const names = new Set([...(reaching?.names ?? []), ...columns]);
    if (node.type === 'calculate') for (const attribute of (node.config.attributes as { name: string }[] | undefined) ?? []) names.add(attribute.name);
    return [...names].sort();
    // `problems` is read from the store again inside; it stands for "the flow's structure changed".
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [store, index, problems]);
}
