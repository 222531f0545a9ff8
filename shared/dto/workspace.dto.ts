import { z } from 'zod';
import { nameSchema } from '../names.js';
import type { Problem } from '../problem.js';
import { actionflowSchema, type Actionflow, type ApiSettings } from '../schemas/actionflow.schema.js';
import { columnSchema, rowSchema, type Column, type Row } from '../schemas/table.schema.js';

/** POST /applications */
export const createApplicationBody = z.object({ name: nameSchema, description: z.string().default('') }).strict();
/** PATCH /applications/:app (a new name rewrites the references to it). */
export const updateApplicationBody = z.object({ name: nameSchema.optional(), description: z.string().optional() }).strict();

/** POST /applications/:app/actionflows: a flow, with or without `api`. */
export const createFlowBody = actionflowSchema;
/** PUT /applications/:app/actionflows/:flow: the flow and the revision it was based on. */
export const saveFlowBody = z.object({ baseRevision: z.number().int().positive(), flow: actionflowSchema }).strict();
/** POST .../rename and .../duplicate */
export const renameBody = z.object({ name: nameSchema }).strict();
/**
 * POST /validate/actionflow: the flow, and the application it belongs to (its tables, flows and
 * secret keys are what references are checked against); `name` is the stored flow it would replace.
 */
export const validateFlowBody = z.object({ flow: z.unknown(), application: z.string().optional(), name: z.string().optional() }).strict();

/** POST /applications/:app/tables */
export const createTableBody = z.object({ name: nameSchema, columns: z.array(columnSchema).default([]) }).strict();
/** PATCH /applications/:app/tables/:table */
export const updateTableBody = z
  .object({
    name: nameSchema.optional(),
    columns: z.array(columnSchema).optional(),
    /** Stored columns given a new name, old name to new: their values move with them. */
    renamedColumns: z.record(z.string(), nameSchema).optional(),
    baseRevision: z.number().int().positive().optional(),
  })
  .strict()
  .refine((body) => body.renamedColumns === undefined || body.columns !== undefined, {
    path: ['renamedColumns'],
    message: 'renamedColumns needs columns: the columns as they are after the renames',
  });
/** POST and PUT of rows */
export const rowBody = z.object({ values: rowSchema }).strict();
/** GET rows: paging and sorting */
export const rowsQuery = z
  .object({
    offset: z.coerce.number().int().min(0).default(0),
    limit: z.coerce.number().int().min(1).max(1000).default(100),
    orderBy: z.string().optional(),
  })
  .strict();

export const ON_CONFLICT = ['fail', 'replace', 'rename', 'skip'] as const;
export type OnConflict = (typeof ON_CONFLICT)[number];
/** POST /import?onConflict=...&dryRun=true: the body is the workspace file. */
export const importQuery = z.object({ onConflict: z.enum(ON_CONFLICT).default('fail'), dryRun: z.enum(['true', 'false']).default('false') }).strict();
/** GET /export?application=...&actionflow=... */
export const exportQuery = z.object({ application: z.string().optional(), actionflow: z.string().optional() }).strict();

export interface FlowSummary {
  name: string;
  description: string;
  /** Present when the flow is an API endpoint. */
  api?: Pick<ApiSettings, 'enabled' | 'mode' | 'allowAnonymous'>;
  revision: number;
  updatedAt: string;
}

export interface TableSummary {
  name: string;
  columns: Column[];
  rowCount: number;
  revision: number;
}

export interface ApplicationSummary {
  name: string;
  description: string;
  actionflows: FlowSummary[];
  tables: TableSummary[];
}

/** GET /workspace */
export interface WorkspaceSummary {
  applications: ApplicationSummary[];
}

/** A flow's full checks (DESIGN §4): problems make it fail; warnings do not block. Each names its JSON path and node. */
export interface FlowCheckSummary {
  problems: Problem[];
  warnings: Problem[];
}

/** A flow as the designer edits it. */
export interface FlowDocument {
  application: string;
  revision: number;
  updatedAt: string;
  flow: Actionflow;
  /** Things worth knowing after a save, e.g. a version 10 URL that became ambiguous. */
  warnings?: string[];
  /** The flow's checks against the workspace as it is now. */
  check?: FlowCheckSummary;
}

/** A table as its page shows it: its summary, and the application it belongs to. */
export interface TableDocument extends TableSummary {
  application: string;
}

export interface RowsPage {
  rows: { id: number; values: Row }[];
  total: number;
  offset: number;
  limit: number;
}

/** Something that names an item, shown before the item is renamed or deleted. */
export interface Reference {
  kind: 'node' | 'role';
  application?: string;
  actionflow?: string;
  node?: string;
  role?: string;
  /** A sentence saying where, e.g. `node "Read" in Demo / Companies Since`. */
  description: string;
}

/** The answer to a delete that something still refers to (409): nothing was deleted. */
export interface ReferencedConflict {
  message: string;
  references: Reference[];
}

export interface ImportChange {
  kind: 'application' | 'actionflow' | 'table' | 'user' | 'user group' | 'role' | 'secret key';
  name: string;
  application?: string;
  action: 'created' | 'replaced' | 'renamed' | 'skipped' | 'merged';
  /** For `renamed`: the name it was given. */
  newName?: string;
}

/** POST /import: what changed (or, with dryRun, what would change). */
export interface ImportSummary {
  dryRun: boolean;
  changes: ImportChange[];
  /** Problems of imported flows that are not live (they were imported all the same, and cannot run until fixed). */
  problems?: Problem[];
  /** Warnings of the imported flows: they never refuse an import. */
  warnings?: Problem[];
}

/** POST /validate/actionflow */
export interface ValidationResult {
  problems: Problem[];
  warnings: Problem[];
}
