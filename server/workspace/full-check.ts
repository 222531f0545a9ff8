import type { FullCheck } from '../../shared/validation/parse-workspace.js';
import type { Stores } from '../storage/stores.js';
import { storedScope } from './stored-scope.js';

/** Full checks of a file against the stored workspace: its tables, flows and secret keys, and which stored flows call which. */
export function fullCheckAgainst(stores: Stores): FullCheck {
  return {
    workspace: storedScope(stores),
    storedFlows: stores.flows.list().map((record) => ({ application: record.application, flow: record.flow })),
  };
}
