import type { CheckScope } from '../../shared/validation/check-scope.js';
import type { Stores } from '../storage/stores.js';

/** What a flow's references may name in the stored workspace: its tables, flows and secret keys. */
export function storedScope(stores: Stores): CheckScope {
  return {
    tableColumns: (application, table) => stores.tables.find(application, table)?.columns.map((column) => column.name),
    flow: (application, name) => {
      const record = stores.flows.find(application, name);
      return record && { flow: record.flow };
    },
    hasSecretKey: (name) => stores.security.findSecretKey(name) !== undefined,
  };
}
