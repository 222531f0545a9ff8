import { secretKeysOfFlow } from '../../shared/expressions/secret-references.js';
import { flowReferenceOf, tableReferenceOf } from '../../shared/node-types/references.js';
import type { Actionflow } from '../../shared/schemas/actionflow.schema.js';
import type { Security } from '../../shared/schemas/security.schema.js';
import type { Table } from '../../shared/schemas/table.schema.js';
import { WORKSPACE_FORMAT, WORKSPACE_FORMAT_VERSION, type Application, type Workspace } from '../../shared/schemas/workspace.schema.js';
import { ValidationError } from '../errors/validation.error.js';
import type { Stores } from '../storage/stores.js';

export interface ExportScope {
  application?: string;
  actionflow?: string;
}

/** Collects applications piece by piece, keeping the order in which they were first asked for. */
class Selection {
  private readonly applications = new Map<string, { flows: Set<string>; tables: Set<string>; whole: boolean }>();

  entry(application: string) {
    let entry = this.applications.get(application);
    if (!entry) this.applications.set(application, (entry = { flows: new Set(), tables: new Set(), whole: false }));
    return entry;
  }

  has(application: string, flow: string): boolean {
    return this.applications.get(application)?.flows.has(flow) ?? false;
  }

  entries() {
    return [...this.applications.entries()];
  }
}

/**
 * Builds a workspace file (format 1) from the store: everything, one application, or one actionflow.
 * A partial export carries the tables and the called flows (transitively) it needs, and its secret
 * keys by name. Secret values, API keys, the keystore and the session token are never part of it.
 */
export function exportWorkspace(stores: Stores, scope: ExportScope = {}): Workspace {
  if (scope.actionflow !== undefined && scope.application === undefined) {
    throw new ValidationError('exporting one actionflow needs its application too (--app NAME --flow NAME)');
  }
  const selection = new Selection();
  const pending: Array<{ application: string; flow: Actionflow }> = [];
  const include = (application: string, flow: Actionflow) => {
    if (selection.has(application, flow.name)) return;
    selection.entry(application).flows.add(flow.name);
    pending.push({ application, flow });
  };

  if (scope.application === undefined) {
    for (const application of stores.applications.list()) {
      selection.entry(application.name).whole = true;
      for (const record of stores.flows.list(application.name)) include(application.name, record.flow);
      for (const table of stores.tables.list(application.name)) selection.entry(application.name).tables.add(table.name);
    }
  } else if (scope.actionflow === undefined) {
    stores.applications.get(scope.application);
    selection.entry(scope.application).whole = true;
    for (const record of stores.flows.list(scope.application)) include(scope.application, record.flow);
    for (const table of stores.tables.list(scope.application)) selection.entry(scope.application).tables.add(table.name);
  } else {
    include(scope.application, stores.flows.get(scope.application, scope.actionflow).flow);
  }

  const secretKeys = new Set<string>();
  while (pending.length > 0) {
    const { application, flow } = pending.shift()!;
    for (const name of secretKeysOfFlow(flow)) secretKeys.add(name);
    for (const node of flow.nodes) {
      const table = tableReferenceOf(node);
      if (table && stores.tables.find(application, table)) selection.entry(application).tables.add(table);
      const target = flowReferenceOf(node);
      const called = target && stores.flows.find(target.application, target.actionflow);
      if (called) include(called.application, called.flow);
    }
  }

  const applications: Application[] = selection.entries().map(([name, entry]) => {
    const application = stores.applications.get(name);
    return {
      name,
      description: application.description,
      tables: [...entry.tables].sort().map((table) => exportTable(stores, name, table)),
      actionflows: [...entry.flows].sort().map((flow) => stores.flows.get(name, flow).flow),
    };
  });

  return {
    format: WORKSPACE_FORMAT,
    formatVersion: WORKSPACE_FORMAT_VERSION,
    applications,
    security: scope.application === undefined ? exportSecurity(stores) : exportSecretKeysOnly(stores, secretKeys),
  };
}

function exportTable(stores: Stores, application: string, name: string): Table {
  const table = stores.tables.get(application, name);
  return { name, columns: table.columns, rows: stores.tables.rows(table.id).map((row) => row.values) };
}

function exportSecurity(stores: Stores): Security {
  const { security } = stores;
  return {
    users: security.users(),
    userGroups: security.userGroups(),
    roles: security.roles(),
    secretKeys: security.secretKeys().map(({ name, enabled }) => ({ name, enabled })),
  };
}

function exportSecretKeysOnly(stores: Stores, names: Set<string>): Security {
  return {
    users: [],
    userGroups: [],
    roles: [],
    secretKeys: stores.security
      .secretKeys()
      .filter((key) => names.has(key.name))
      .map(({ name, enabled }) => ({ name, enabled })),
  };
}
