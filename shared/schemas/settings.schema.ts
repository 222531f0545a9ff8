import { z } from 'zod';
import { DEFAULT_INSTANCE, instanceNameProblem } from '../urls.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

const positiveInt = (what: string) => z.number().int(`${what} must be a whole number`).positive(`${what} must be at least 1`);

/** The server's settings, stored in studio.db; every key has a default (DESIGN §5-§7). */
export const settingsSchema = z
  .object({
    /** The port the desktop app listens on (the CLI's --port wins). */
    port: z.number().int().min(1).max(65_535).default(8080),
    /** The first path segment of the incoming API. */
    instance: z
      .string()
      .default(DEFAULT_INSTANCE)
      .superRefine((value, ctx) => {
        const problem = instanceNameProblem(value);
        if (problem) ctx.addIssue({ code: 'custom', message: problem });
      }),
    /** The base of URLs the designer copies, e.g. https://api.example.com; null uses the server's own address. */
    publicBaseUrl: z
      .url({ protocol: /^https?$/, message: 'a public base URL is http(s)://host[:port][/path]' })
      .nullable()
      .default(null),
    /** The largest `?timeout=` a caller may ask for. */
    maxTimeoutMs: positiveInt('maxTimeoutMs').default(HOUR),
    /** An async run is aborted after this long. */
    maxRunTimeMs: positiveInt('maxRunTimeMs').default(HOUR),
    /** How long finished runs can be polled. */
    processRetentionMs: positiveInt('processRetentionMs').default(DAY),
    /** Runs at once, running and queued; a trigger beyond it gets 503 with Retry-After. */
    maxConcurrentRuns: positiveInt('maxConcurrentRuns').default(256),
    /** Runs of one endpoint waiting for a run slot; a trigger beyond it gets 503 with Retry-After. */
    maxQueuedRunsPerEndpoint: positiveInt('maxQueuedRunsPerEndpoint').default(64),
    /** Run worker processes; null: one per core, at least 2 (DESIGN §10). Read when the server starts. */
    runWorkers: z.number().int('runWorkers must be a whole number').min(2, 'runWorkers must be at least 2').nullable().default(null),
    /** Runs that share one worker at once (runs waiting on I/O need no worker each). Read when the server starts. */
    runsPerWorker: positiveInt('runsPerWorker').default(8),
    /** A worker's heap, in MiB; a run that exhausts it is lost with its worker. Read when the server starts. */
    workerMemoryMb: z.number().int().min(64, 'workerMemoryMb must be at least 64').default(512),
    /** Records one run may hold at once in its inboxes and outputs. */
    maxRunRecords: positiveInt('maxRunRecords').default(100_000),
    /** The size of any one value an expression's built-in returns (characters of a string, 8 bytes per array element). */
    maxValueBytes: positiveInt('maxValueBytes').default(16 * 1024 * 1024),
    /** How long a server's lease on the data folder lasts, and how often it is renewed (DESIGN §7). */
    leaseMs: positiveInt('leaseMs').default(30_000),
    leaseRenewMs: positiveInt('leaseRenewMs').default(10_000),
    /** The largest request body; a larger one gets 413. */
    maxBodyBytes: positiveInt('maxBodyBytes').default(10 * 1024 * 1024),
    /** Console entries kept, by count and by age. */
    consoleMaxEntries: positiveInt('consoleMaxEntries').default(10_000),
    consoleMaxAgeMs: positiveInt('consoleMaxAgeMs').default(7 * DAY),
    /** Bounds on one expression evaluation. */
    expressionTimeoutMs: positiveInt('expressionTimeoutMs').default(1000),
    expressionMaxDepth: positiveInt('expressionMaxDepth').default(500),
  })
  .strict();

export type Settings = z.output<typeof settingsSchema>;
export const DEFAULT_SETTINGS: Settings = settingsSchema.parse({});
