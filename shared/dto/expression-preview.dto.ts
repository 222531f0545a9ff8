import { z } from 'zod';

/** POST /expressions/preview: a JSONata expression and the record to evaluate it against (one of a run's, as the trace keeps it). */
export const expressionPreviewRequestSchema = z
  .object({
    expression: z.string().max(20_000, 'an expression to preview is at most 20000 characters'),
    record: z.unknown(),
  })
  .strict();
export type ExpressionPreviewRequest = z.infer<typeof expressionPreviewRequestSchema>;

/** The expression's value as JSON text (cut at 64 KiB), nothing (no match), or why it could not be evaluated. */
export const expressionPreviewSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('value'), json: z.string(), truncated: z.boolean() }),
  z.object({ kind: z.literal('nothing') }),
  z.object({ kind: z.literal('error'), message: z.string() }),
  z.object({ kind: z.literal('refused'), message: z.string() }),
]);
export type ExpressionPreview = z.infer<typeof expressionPreviewSchema>;
