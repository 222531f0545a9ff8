import { z } from 'zod';

/** The records a run trace keeps of each node's input and of its output (DESIGN §8). */
export const TRACE_RECORDS_PER_NODE = 20;

const nodeTraceSchema = z.object({
  /** Records the node took, and the first of them as they arrived. */
  inputCount: z.number().int().nonnegative(),
  input: z.array(z.unknown()),
  /** Records the node sent on, and the first of them with the point each left by. */
  outputCount: z.number().int().nonnegative(),
  output: z.array(z.object({ point: z.string(), record: z.unknown() })),
  /** Records that failed at the node, and the first failure's message. */
  errorCount: z.number().int().nonnegative(),
  error: z.string().nullable(),
});

/** What a run did on its flow: records per connection, each node's first records in and out, where it failed. Masked like the console. */
export const runTraceSchema = z.object({
  application: z.string(),
  actionflow: z.string(),
  /** The flow's revision that ran: the designer compares it with the flow open. */
  revision: z.number().int(),
  /** Records that crossed each connection, by connection id (a connection none crossed is absent). */
  connections: z.record(z.string(), z.number().int().nonnegative()),
  /** By node id; a node no record reached is absent. */
  nodes: z.record(z.string(), nodeTraceSchema),
  /** The first record failure: the node's id and the message. */
  failure: z.object({ node: z.string(), message: z.string() }).nullable(),
});

export type RunTrace = z.infer<typeof runTraceSchema>;
export type NodeTrace = z.infer<typeof nodeTraceSchema>;

/** GET /console/entries/:id/trace: null for a call refused before its run, or a run the console kept no trace of. */
export const consoleTraceSchema = z.object({ entry: z.number().int(), trace: runTraceSchema.nullable() });
export type ConsoleTrace = z.infer<typeof consoleTraceSchema>;
