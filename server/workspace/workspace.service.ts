import type { FlowCheckSummary, FlowDocument, Reference, WorkspaceSummary } from '../../shared/dto/workspace.dto.js';
import type { Actionflow } from '../../shared/schemas/actionflow.schema.js';
import { ConflictError } from '../errors/conflict.error.js';
import type { FlowRecord } from '../storage/flow.store.js';
import type { Stores } from '../storage/stores.js';
import { assertStorable, checkFlowInWorkspace } from './flow-checks.js';
import { referencesToApplication, referencesToFlow, retargetApplicationCalls, retargetFlowCalls } from './references.js';

/** Refuses to delete something that is still referred to, unless the caller confirmed. */
export function assertUnreferenced(what: string, references: Reference[], confirmed: boolean): void {
  if (references.length > 0 && !confirmed) {
    throw new ConflictError(`${what} is referred to by ${references.map((r) => r.description).join('; ')}; confirm to delete it anyway`, [], { references });
  }
}

function toDocument(record: FlowRecord, check: FlowCheckSummary, warnings: string[] = []): FlowDocument {
  return {
    application: record.application,
    revision: record.revision,
    updatedAt: record.updatedAt,
    flow: record.flow,
    ...(warnings.length ? { warnings } : {}),
    check: { problems: check.problems, warnings: check.warnings },
  };
}

/** The runtime facade for applications and actionflows that the admin API and the CLI call. */
export class WorkspaceService {
  constructor(private readonly stores: Stores) {}

  summary(): WorkspaceSummary {
    const { applications, flows, tables } = this.stores;
    return {
      applications: applications.list().map((application) => ({
        name: application.name,
        description: application.description,
        actionflows: flows.list(application.name).map((record) => ({
          name: record.flow.name,
          description: record.flow.description,
          ...(record.flow.api ? { api: { enabled: record.flow.api.enabled, mode: record.flow.api.mode, allowAnonymous: record.flow.api.allowAnonymous } } : {}),
          revision: record.revision,
          updatedAt: record.updatedAt,
        })),
        tables: tables.list(application.name).map((table) => ({
          name: table.name,
          columns: table.columns,
          rowCount: table.rowCount,
          revision: table.revision,
        })),
      })),
    };
  }

  createApplication(name: string, description: string) {
    return this.stores.applications.create(name, description);
  }

  /** Changes an application's description or name; a new name is followed by every call into it and every role scoped to it. */
  updateApplication(name: string, changes: { name?: string; description?: string }) {
    return this.stores.transaction(() => {
      const updated = this.stores.applications.update(name, changes);
      if (changes.name !== undefined && changes.name !== name) {
        retargetApplicationCalls(this.stores, name, changes.name);
        this.stores.security.renameRoleApplication(name, changes.name);
      }
      return updated;
    });
  }

  deleteApplication(name: string, confirmed: boolean): void {
    this.stores.transaction(() => {
      this.stores.applications.get(name);
      assertUnreferenced(`application "${name}"`, referencesToApplication(this.stores, name), confirmed);
      this.stores.applications.delete(name);
    });
  }

  applicationReferences(name: string): Reference[] {
    this.stores.applications.get(name);
    return referencesToApplication(this.stores, name);
  }

  /** A stored flow with its checks against the workspace as it is now (a stored flow may fail checks added since). */
  getFlow(application: string, name: string): FlowDocument {
    const record = this.stores.flows.get(application, name);
    return toDocument(record, checkFlowInWorkspace(this.stores, application, record.flow, name));
  }

  /** Creates a flow; one that would be live with problems is refused, any other is stored with its problems listed. */
  createFlow(application: string, flow: Actionflow): FlowDocument {
    this.stores.applications.get(application);
    const check = checkFlowInWorkspace(this.stores, application, flow);
    assertStorable(check, flow);
    const record = this.stores.flows.create(application, flow);
    return toDocument(record, check, this.ambiguityWarnings(record));
  }

  /**
   * Saves a flow edited from `baseRevision`; a new name in the flow renames it and its callers follow.
   * A flow that would be live with problems is refused (400); any other is saved with them listed.
   */
  saveFlow(application: string, name: string, flow: Actionflow, baseRevision: number): FlowDocument {
    this.stores.flows.get(application, name);
    const check = checkFlowInWorkspace(this.stores, application, flow, name);
    assertStorable(check, flow);
    const record = this.stores.transaction(() => {
      const saved = this.stores.flows.update(application, name, flow, baseRevision);
      if (flow.name !== name) retargetFlowCalls(this.stores, { application, actionflow: name }, { application, actionflow: flow.name });
      return saved;
    });
    return toDocument(this.stores.flows.get(application, record.flow.name), check, this.ambiguityWarnings(record));
  }

  renameFlow(application: string, name: string, newName: string): FlowDocument {
    const current = this.stores.flows.get(application, name);
    return this.saveFlow(application, name, { ...current.flow, name: newName }, current.revision);
  }

  /** Copies a flow under a new name (by default the first free "<name> copy"). */
  duplicateFlow(application: string, name: string, newName?: string): FlowDocument {
    const current = this.stores.flows.get(application, name);
    const target = newName ?? freeName(`${name} copy`, (candidate) => this.stores.flows.find(application, candidate) !== undefined);
    return this.createFlow(application, { ...current.flow, name: target });
  }

  deleteFlow(application: string, name: string, confirmed: boolean): void {
    this.stores.transaction(() => {
      this.stores.flows.get(application, name);
      assertUnreferenced(`actionflow "${name}"`, referencesToFlow(this.stores, application, name), confirmed);
      this.stores.flows.delete(application, name);
    });
  }

  flowReferences(application: string, name: string): Reference[] {
    this.stores.flows.get(application, name);
    return referencesToFlow(this.stores, application, name);
  }

  /** A warning when the flow's version 10 URL (by name alone) now matches endpoints in several applications. */
  private ambiguityWarnings(record: FlowRecord): string[] {
    if (!record.flow.api?.enabled) return [];
    const owners = this.stores.flows
      .listByName(record.flow.name)
      .filter((other) => other.flow.api?.enabled)
      .map((other) => other.application);
    if (owners.length < 2) return [];
    return [
      `the version 10 URL .../action/${encodeURIComponent(record.flow.name)}/trigger is now ambiguous: endpoints named "${record.flow.name}" exist in ${owners.map((o) => `"${o}"`).join(', ')}; callers of that URL get 409`,
    ];
  }
}

/** The first of `base`, `base (2)`, `base (3)`… that `taken` refuses, kept within 100 characters. */
export function freeName(base: string, taken: (name: string) => boolean): string {
  if (!taken(base)) return base;
  for (let n = 2; ; n++) {
    const suffix = ` (${n})`;
    const candidate = `${[...base].slice(0, 100 - suffix.length).join('')}${suffix}`;
    if (!taken(candidate)) return candidate;
  }
}
