import type { ImportSummary, OnConflict } from '../../../shared/dto/workspace.dto.js';
import type { AdminTransport } from './admin-transport.js';

/** What to export: the whole workspace, one application, or one actionflow (with what it uses). */
export type ExportScope = { application?: string; actionflow?: string };

/** The admin API's export and import routes. */
export class TransferClient {
  constructor(private readonly transport: AdminTransport) {}

  /** A workspace file (DESIGN §3) of `scope`, as the server writes it. */
  exportWorkspace(scope: ExportScope = {}): Promise<unknown> {
    return this.transport.request('GET', '/export', { query: { application: scope.application, actionflow: scope.actionflow } });
  }

  /** Imports a parsed workspace file; with `dryRun`, only says what would change. Refusals carry each problem's JSON path. */
  importWorkspace(document: unknown, onConflict: OnConflict, dryRun: boolean): Promise<ImportSummary> {
    return this.transport.request('POST', '/import', { body: document, query: { onConflict, dryRun: String(dryRun) } });
  }
}
