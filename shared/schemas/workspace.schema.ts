import { z } from 'zod';
import { nameSchema } from '../names.js';
import { actionflowSchema } from './actionflow.schema.js';
import { securitySchema } from './security.schema.js';
import { tableSchema } from './table.schema.js';

export const WORKSPACE_FORMAT = 'actionflow-workspace';
export const WORKSPACE_FORMAT_VERSION = 1;

export const applicationSchema = z
  .object({
    name: nameSchema,
    description: z.string().default(''),
    tables: z.array(tableSchema).default([]),
    actionflows: z.array(actionflowSchema).default([]),
  })
  .strict();

/** The workspace file, format version 1 (DESIGN §3). */
export const workspaceSchema = z
  .object({
    format: z.literal(WORKSPACE_FORMAT, { message: `format must be "${WORKSPACE_FORMAT}"` }),
    formatVersion: z.literal(WORKSPACE_FORMAT_VERSION),
    applications: z.array(applicationSchema).default([]),
    security: securitySchema.default({ users: [], userGroups: [], roles: [], secretKeys: [] }),
  })
  .strict();

export type Application = z.output<typeof applicationSchema>;
export type Workspace = z.output<typeof workspaceSchema>;
export type WorkspaceInput = z.input<typeof workspaceSchema>;
