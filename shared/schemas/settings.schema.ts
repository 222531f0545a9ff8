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
    publicBaseUrl: z.url({ protocol: /^https?$/, message: 'a public base URL is http(s)://host[:port][/path]' }).nullable().default(null),
    /** The largest `?timeout=` a caller may ask for. */
    maxTimeoutMs: positiveInt('maxTimeoutMs').default(HOUR),
    /** An async run is aborted after this long. */
    maxRunTimeMs: positiveInt('maxRunTimeMs').default(HOUR),
    /** How long finished runs can be polled. */
    processRetentionMs: positiveInt('processRetentionMs').default(DAY),
    /** Runs at once; a trigger beyond it gets 503. */
    maxConcurrentRuns: positiveInt('maxConcurrentRuns').default(256),
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
