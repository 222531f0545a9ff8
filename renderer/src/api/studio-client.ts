import type { FlowDocument, Reference, TableDocument, WorkspaceSummary } from '../../../shared/dto/workspace.dto.js';
import type { Actionflow, ActionflowInput } from '../../../shared/schemas/actionflow.schema.js';
import type { Column } from '../../../shared/schemas/table.schema.js';
import type { Settings } from '../../../shared/schemas/settings.schema.js';
import { ApiError } from './api-error.js';
import { applicationPath, flowPath, tablePath } from './admin-paths.js';
import type { AdminTransport } from './admin-transport.js';
import { ConsoleClient } from './console-client.js';
import { SecurityClient } from './security-client.js';
import { TableClient } from './table-client.js';
import { TransferClient } from './transfer-client.js';
import { expressionPreviewSchema, type ExpressionPreview, type ExpressionPreviewRequest } from '../../../shared/dto/expression-preview.dto.js';

const confirm = (yes: boolean) => ({ confirm: yes ? 'true' : undefined });

/** The designer's typed view of the admin API (`/_studio/api/v1`): every call the UI makes is here. */
export class StudioClient {
  /** Users, groups, roles, API keys and secret keys. */
  readonly security: SecurityClient;
  /** Export and import of workspace files. */
  readonly transfer: TransferClient;
  /** The System Console: entries, their messages, the live stream, stop. */
  readonly console: ConsoleClient;
  /** A table's columns and rows. */
  readonly tables: TableClient;

  constructor(private readonly transport: AdminTransport) {
    this.security = new SecurityClient(transport);
    this.transfer = new TransferClient(transport);
    this.console = new ConsoleClient(transport);
    this.tables = new TableClient(transport);
  }

  workspace(): Promise<WorkspaceSummary> {
    return this.transport.request('GET', '/workspace');
  }

  /** The server's settings, or null when this server has no settings endpoint. */
  async settings(): Promise<Partial<Settings> | null> {
    try {
      return await this.transport.request<Partial<Settings>>('GET', '/settings');
    } catch (error) {
      if (error instanceof ApiError && error.status === 404) return null;
      throw error;
    }
  }
  /** Changes the named settings; answers the whole set. A new port takes effect when the server next starts. */
  updateSettings(changes: Partial<Record<keyof Settings, unknown>>): Promise<Settings> {
    return this.transport.request('PATCH', '/settings', { body: changes });
  }

  createApplication(name: string, description = ''): Promise<unknown> {
    return this.transport.request('POST', '/applications', { body: { name, description } });
  }
  renameApplication(name: string, newName: string): Promise<unknown> {
    return this.transport.request('PATCH', applicationPath(name), { body: { name: newName } });
  }
  applicationReferences(name: string): Promise<{ references: Reference[] }> {
    return this.transport.request('GET', `${applicationPath(name)}/references`);
  }
  deleteApplication(name: string, confirmed: boolean): Promise<void> {
    return this.transport.request('DELETE', applicationPath(name), { query: confirm(confirmed) });
  }

  /** An expression's value against a record of a run (evaluated on the server, bounded like a run). */
  async previewExpression(request: ExpressionPreviewRequest): Promise<ExpressionPreview> {
    return expressionPreviewSchema.parse(await this.transport.request('POST', '/expressions/preview', { body: request }));
  }
  getFlow(application: string, flow: string): Promise<FlowDocument> {
    return this.transport.request('GET', flowPath(application, flow));
  }
  createFlow(application: string, flow: ActionflowInput): Promise<FlowDocument> {
    return this.transport.request('POST', `${applicationPath(application)}/actionflows`, { body: flow });
  }
  /** Saves `flow` (possibly under a new name) as based on `baseRevision`; a stale one is refused with 409. */
  saveFlow(application: string, name: string, flow: Actionflow, baseRevision: number): Promise<FlowDocument> {
    return this.transport.request('PUT', flowPath(application, name), { body: { baseRevision, flow } });
  }
  renameFlow(application: string, name: string, newName: string): Promise<FlowDocument> {
    return this.transport.request('POST', `${flowPath(application, name)}/rename`, { body: { name: newName } });
  }
  duplicateFlow(application: string, name: string): Promise<FlowDocument> {
    return this.transport.request('POST', `${flowPath(application, name)}/duplicate`, { body: {} });
  }
  flowReferences(application: string, name: string): Promise<{ references: Reference[] }> {
    return this.transport.request('GET', `${flowPath(application, name)}/references`);
  }
  deleteFlow(application: string, name: string, confirmed: boolean): Promise<void> {
    return this.transport.request('DELETE', flowPath(application, name), { query: confirm(confirmed) });
  }

  createTable(application: string, name: string, columns: Column[] = []): Promise<TableDocument> {
    return this.transport.request('POST', `${applicationPath(application)}/tables`, { body: { name, columns } });
  }
  renameTable(application: string, name: string, newName: string): Promise<TableDocument> {
    return this.transport.request('PATCH', tablePath(application, name), { body: { name: newName } });
  }
  tableReferences(application: string, name: string): Promise<{ references: Reference[] }> {
    return this.transport.request('GET', `${tablePath(application, name)}/references`);
  }
  deleteTable(application: string, name: string, confirmed: boolean): Promise<void> {
    return this.transport.request('DELETE', tablePath(application, name), { query: confirm(confirmed) });
  }
}
