import { z } from 'zod';
import { nameSchema } from '../names.js';

/** Privileges that something enforces. */
export const PRIVILEGES = ['Use API Key'] as const;
export type Privilege = (typeof PRIVILEGES)[number];

export const userSchema = z.object({ name: nameSchema, enabled: z.boolean().default(true) }).strict();

export const userGroupSchema = z.object({ name: nameSchema, users: z.array(nameSchema).default([]) }).strict();

export const roleSchema = z
  .object({
    name: nameSchema,
    application: nameSchema.optional(),
    privileges: z.array(z.enum(PRIVILEGES, { message: `a privilege is one of: ${PRIVILEGES.join(', ')}` })).default([]),
    userGroups: z.array(nameSchema).default([]),
  })
  .strict();

export const secretKeySchema = z.object({ name: nameSchema, enabled: z.boolean().default(true) }).strict();

export const securitySchema = z
  .object({
    users: z.array(userSchema).default([]),
    userGroups: z.array(userGroupSchema).default([]),
    roles: z.array(roleSchema).default([]),
    secretKeys: z.array(secretKeySchema).default([]),
  })
  .strict();

export type User = z.output<typeof userSchema>;
export type UserGroup = z.output<typeof userGroupSchema>;
export type Role = z.output<typeof roleSchema>;
export type SecretKey = z.output<typeof secretKeySchema>;
export type Security = z.output<typeof securitySchema>;
