import { z } from 'zod';
import { nameSchema } from '../names.js';
import { TOO_DEEP, tooDeepAt } from '../nesting-depth.js';

export const API_MODES = ['sync', 'async'] as const;
export type ApiMode = (typeof API_MODES)[number];

const ORIGIN = /^https?:\/\/[^/\s?#]+$/;

export const corsSchema = z
  .object({
    origins: z
      .array(z.string().refine((o) => o === '*' || ORIGIN.test(o), { message: 'an origin is "*" or scheme://host[:port], with no path' }))
      .min(1, 'list at least one origin, or set cors to null'),
  })
  .strict();

/** An actionflow's API endpoint settings; present means the flow is an endpoint. */
export const apiSettingsSchema = z
  .object({
    enabled: z.boolean().default(true),
    allowAnonymous: z.boolean().default(false),
    mode: z.enum(API_MODES).default('sync'),
    timeoutMs: z.number().int('timeoutMs must be a whole number of milliseconds').positive('timeoutMs must be at least 1').nullable().default(null),
    cors: corsSchema.nullable().default(null),
  })
  .strict();

export const positionSchema = z.object({ x: z.number().finite(), y: z.number().finite() }).strict();

/** A value nested too deep is a problem here, before anything recursive (JSON.stringify, a copy) meets it. */
function notTooDeep(value: unknown, ctx: z.RefinementCtx): void {
  const path = tooDeepAt(value);
  if (path) ctx.addIssue({ code: 'custom', message: TOO_DEEP, path });
}

/** A node as stored: its `config` is checked against its type by `checkActionflow`. */
export const nodeSchema = z
  .object({
    id: nameSchema,
    type: z.string().min(1, 'type is required'),
    name: nameSchema,
    position: positionSchema,
    config: z.record(z.string(), z.unknown()).default({}).superRefine(notTooDeep),
    ui: z.record(z.string(), z.unknown()).optional().superRefine(notTooDeep),
  })
  .strict();

export const connectionEndSchema = z.object({ node: z.string().min(1), point: z.string().min(1) }).strict();

export const connectionSchema = z.object({ id: z.string().min(1, 'id is required'), from: connectionEndSchema, to: connectionEndSchema }).strict();

export const actionflowSchema = z
  .object({
    name: nameSchema,
    description: z.string().default(''),
    api: apiSettingsSchema.optional(),
    nodes: z.array(nodeSchema),
    connections: z.array(connectionSchema).default([]),
  })
  .strict();

export type ApiSettings = z.output<typeof apiSettingsSchema>;
export type CorsSettings = z.output<typeof corsSchema>;
export type FlowNode = z.output<typeof nodeSchema>;
export type Connection = z.output<typeof connectionSchema>;
export type Actionflow = z.output<typeof actionflowSchema>;
export type ActionflowInput = z.input<typeof actionflowSchema>;
