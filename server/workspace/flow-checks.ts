import type { FlowCheckSummary } from '../../shared/dto/workspace.dto.js';
import type { Problem } from '../../shared/problem.js';
import type { Actionflow } from '../../shared/schemas/actionflow.schema.js';
import { checkFlow } from '../../shared/validation/check-flow.js';
import { flowKey, liveFlowKeys } from '../../shared/validation/live-flows.js';
import { ValidationError } from '../errors/validation.error.js';
import type { Stores } from '../storage/stores.js';
import { storedScope } from './stored-scope.js';

/** A flow checked against the stored workspace, and whether it would be live once stored. */
export interface StoredFlowCheck extends FlowCheckSummary {
  live: boolean;
}

/**
 * Checks `flow` fully (DESIGN §4) as it would be stored in `application`, in place of the stored
 * flow `replacing` when given: against the workspace's tables, flows and secret keys.
 */
export function checkFlowInWorkspace(stores: Stores, application: string, flow: Actionflow, replacing?: string): StoredFlowCheck {
  const { problems, warnings } = checkFlow(flow, application, storedScope(stores));
  const others = stores.flows
    .list()
    .filter((record) => !(record.application === application && (record.flow.name === replacing || record.flow.name === flow.name)))
    .map((record) => ({ application: record.application, flow: record.flow }));
  const live = liveFlowKeys([...others, { application, flow }]);
  // Callers still name the old name until the save retargets them.
  const isLive = live.has(flowKey(application, flow.name)) || (replacing !== undefined && live.has(flowKey(application, replacing)));
  return { problems, warnings, live: isLive };
}

/** Refuses (400, every problem listed, warnings alongside) a flow that would be live with problems. */
export function assertStorable(check: StoredFlowCheck, flow: Actionflow): void {
  if (!check.live || check.problems.length === 0) return;
  const why = flow.api?.enabled ? 'it is an enabled API endpoint' : 'a live endpoint calls it';
  throw new ValidationError(
    `"${flow.name}" was not saved: it has ${check.problems.length} problem(s) and ${why}; fix them, or disable the endpoint to save it as a draft`,
    check.problems,
    { warnings: check.warnings },
  );
}

/** The stored flows that fail the checks (checks added later, or a table dropped since), each with its problems. */
export function storedFlowsWithProblems(stores: Stores): { application: string; actionflow: string; problems: Problem[] }[] {
  const scope = storedScope(stores);
  return stores.flows.list().flatMap((record) => {
    const { problems } = checkFlow(record.flow, record.application, scope);
    return problems.length > 0 ? [{ application: record.application, actionflow: record.flow.name, problems }] : [];
  });
}
