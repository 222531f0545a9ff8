import type { z } from 'zod';

type Def = { type: string; innerType?: z.ZodType; in?: z.ZodType; entries?: Record<string, string>; element?: z.ZodType };
const defOf = (schema: z.ZodType) => schema._zod.def as unknown as Def;

/** The schema under optional, default, nullable and pipe wrappers. */
export function unwrap(schema: z.ZodType): z.ZodType {
  let current = schema;
  for (;;) {
    const def = defOf(current);
    const inner = def.innerType ?? def.in;
    if (!inner) return current;
    current = inner;
  }
}

/** The fields of an object schema, in declaration order (empty for anything else). */
export function objectShape(schema: z.ZodType): [string, z.ZodType][] {
  const shape = (unwrap(schema) as z.ZodType & { shape?: Record<string, z.ZodType> }).shape;
  return shape ? Object.entries(shape) : [];
}

/** The values of an enum field. */
export function enumOptions(schema: z.ZodType): string[] {
  return Object.values(defOf(unwrap(schema)).entries ?? {});
}

/** The item schema of an array field. */
export function arrayElement(schema: z.ZodType): z.ZodType | undefined {
  return defOf(unwrap(schema)).element;
}

/** True when the field may be left out (optional, or with a default). */
export function isOptional(schema: z.ZodType): boolean {
  return schema.safeParse(undefined).success;
}
