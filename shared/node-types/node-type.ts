import type { z } from 'zod';

/** Where a node type sits in the designer's palette. */
export const NODE_CATEGORIES = ['Input', 'Transform', 'Route', 'Data', 'Integration', 'Output', 'Diagnostics'] as const;
export type NodeCategory = (typeof NODE_CATEGORIES)[number];

/**
 * Everything the designer and the engine know about one node type, declared once.
 * The engine executes it (server/engine/executors), the designer draws it from this alone.
 */
export interface NodeTypeDeclaration<Type extends string = string, Schema extends z.ZodType = z.ZodType> {
  readonly type: Type;
  readonly label: string;
  readonly category: NodeCategory;
  /** One sentence shown in the palette and the properties panel. */
  readonly description: string;
  /** SVG path data drawn in a 24x24 view box. */
  readonly icon: string;
  /** Input connection points, in the order they are drawn. */
  readonly inputs: readonly string[];
  /** Output connection points, in the order they are drawn. */
  readonly outputs: readonly string[];
  /** The node's `config`: strict, with defaults, fields annotated with `FieldMeta` for the properties form. */
  readonly configSchema: Schema;
  /** The config a node of this type starts with when it is added in the designer. */
  readonly defaults: () => z.input<Schema>;
  /** At most one per flow (and exactly one in an API endpoint), and never deleted. */
  readonly singleton?: boolean;
}

/** Declares a node type, keeping its literal `type` for the registry's union. */
export function defineNodeType<const Type extends string, Schema extends z.ZodType>(
  declaration: NodeTypeDeclaration<Type, Schema>,
): NodeTypeDeclaration<Type, Schema> {
  return declaration;
}
