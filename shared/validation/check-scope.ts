import type { Actionflow } from '../schemas/actionflow.schema.js';

/** A flow that a `callFlow` node can name; `flow` is absent when only its name is known (the designer's summary). */
export interface ScopeFlow {
  flow?: Actionflow;
}

/**
 * What a flow's references may name (DESIGN §4 "Checked before it is live"): the tables, flows and
 * secret keys of the workspace, of the file being imported, or both. A question the scope cannot
 * answer (undefined member) is not checked.
 */
export interface CheckScope {
  /** The column names of a table, or undefined when the application has no such table. */
  tableColumns: (application: string, table: string) => readonly string[] | undefined;
  /** A flow, or undefined when the application has no such flow. */
  flow: (application: string, name: string) => ScopeFlow | undefined;
  /** Whether a secret key of that name exists; absent when secret keys are not known. */
  hasSecretKey?: (name: string) => boolean;
}

/** The shape of a workspace file or summary that a scope can be read from. */
export interface ScopeSource {
  applications: readonly {
    name: string;
    tables: readonly { name: string; columns: readonly { name: string }[] }[];
    actionflows: readonly (Actionflow | { name: string })[];
  }[];
  security?: { secretKeys: readonly { name: string }[] };
}

/** A scope holding what a workspace file (or the designer's workspace summary) holds. */
export function scopeOf(source: ScopeSource): CheckScope {
  const key = (application: string, name: string) => JSON.stringify([application, name]);
  const tables = new Map<string, string[]>();
  const flows = new Map<string, ScopeFlow>();
  for (const application of source.applications) {
    for (const table of application.tables)
      tables.set(
        key(application.name, table.name),
        table.columns.map((column) => column.name),
      );
    for (const flow of application.actionflows) flows.set(key(application.name, flow.name), 'nodes' in flow ? { flow } : {});
  }
  const secretKeys = source.security && new Set(source.security.secretKeys.map((secretKey) => secretKey.name));
  return {
    tableColumns: (application, table) => tables.get(key(application, table)),
    flow: (application, name) => flows.get(key(application, name)),
    ...(secretKeys ? { hasSecretKey: (name: string) => secretKeys.has(name) } : {}),
  };
}

/** A scope that finds a thing in the first of `scopes` that has it (the file first, then the workspace). */
export function combinedScope(...scopes: CheckScope[]): CheckScope {
  const secretScopes = scopes.filter((scope) => scope.hasSecretKey);
  return {
    tableColumns: (application, table) => scopes.map((scope) => scope.tableColumns(application, table)).find((columns) => columns !== undefined),
    flow: (application, name) => scopes.map((scope) => scope.flow(application, name)).find((flow) => flow !== undefined),
    ...(secretScopes.length > 0 ? { hasSecretKey: (name: string) => secretScopes.some((scope) => scope.hasSecretKey!(name)) } : {}),
  };
}
