import { z } from 'zod';

/** How the properties form edits a config field. */
export type FieldWidget =
  'expression' | 'template' | 'text' | 'integer' | 'boolean' | 'select' | 'table' | 'column' | 'application' | 'actionflow' | 'attributeNames' | 'list';

/** Annotation carried by each config field (zod `.meta()`), read by the generic properties form. */
export interface FieldMeta {
  widget: FieldWidget;
  title: string;
  description?: string;
  placeholder?: string;
}

/** Annotations already read, by schema: a schema never changes, and zod looks each one up in its registry. */
const readMeta = new WeakMap<z.ZodType, FieldMeta | null>();

/** Reads a field's annotation, looking through optional, default and nullable wrappers. */
export function fieldMeta(schema: z.ZodType): FieldMeta | undefined {
  const known = readMeta.get(schema);
  if (known !== undefined) return known ?? undefined;
  let found: FieldMeta | null = null;
  let current: z.ZodType | undefined = schema;
  while (current && !found) {
    const meta = current.meta() as Partial<FieldMeta> | undefined;
    if (meta?.widget) found = meta as FieldMeta;
    const def = current._zod.def as { innerType?: z.ZodType; in?: z.ZodType };
    current = def.innerType ?? def.in;
  }
  readMeta.set(schema, found);
  return found ?? undefined;
}

function annotate<T extends z.ZodType>(schema: T, meta: FieldMeta): T {
  return schema.meta({ ...meta }) as T;
}

const required = (title: string) => z.string().trim().min(1, `${title} is required`);

/** A JSONata expression. */
export const expressionField = (title: string, description?: string) =>
  annotate(required(title), { widget: 'expression', title, ...(description ? { description } : {}) });

/** Text with `${expression}` parts. */
export const templateField = (title: string, description?: string) =>
  annotate(z.string(), { widget: 'template', title, ...(description ? { description } : {}) });

/** Plain text that must not be empty. */
export const textField = (title: string, description?: string, widget: FieldWidget = 'text') =>
  annotate(required(title), { widget, title, ...(description ? { description } : {}) });

/** A positive whole number. */
export const positiveIntegerField = (title: string, description?: string) =>
  annotate(z.number().int(`${title} must be a whole number`).positive(`${title} must be at least 1`), {
    widget: 'integer',
    title,
    ...(description ? { description } : {}),
  });

/** One of a fixed set of values. */
export const selectField = <const T extends readonly [string, ...string[]]>(values: T, title: string, description?: string) =>
  annotate(z.enum(values), { widget: 'select', title, ...(description ? { description } : {}) });

/** A yes/no switch. */
export const booleanField = (title: string, description?: string) =>
  annotate(z.boolean(), { widget: 'boolean', title, ...(description ? { description } : {}) });

/** A list of attribute names. */
export const attributeNamesField = (title: string, description?: string) =>
  annotate(z.array(z.string().trim().min(1, 'an attribute name is required')), {
    widget: 'attributeNames',
    title,
    ...(description ? { description } : {}),
  });

/** A list of objects, each edited as a row of its own fields. */
export const listField = <T extends z.ZodType>(item: T, title: string, description?: string) =>
  annotate(z.array(item), { widget: 'list', title, ...(description ? { description } : {}) });
