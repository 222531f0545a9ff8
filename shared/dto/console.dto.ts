import { z } from 'zod';
import { RUN_STATUSES } from '../run-status.js';
import type { ApiMode } from '../schemas/actionflow.schema.js';

/** A console entry's status: a run's (as poll reports it), or `Refused` for a call refused before its run (401, 403, 413, 429). */
export const CONSOLE_STATUSES = [...RUN_STATUSES, 'Refused'] as const;
export type ConsoleStatus = (typeof CONSOLE_STATUSES)[number];

/** Message kinds, in the order a run usually writes them (DESIGN §6). */
export const CONSOLE_MESSAGE_KINDS = ['Request', 'Debug', 'Warning', 'Error', 'Response'] as const;
export type ConsoleMessageKind = (typeof CONSOLE_MESSAGE_KINDS)[number];

/** One console entry as lists and the live stream show it. */
export interface ConsoleEntrySummary {
  id: number;
  /** Absent for a call refused before its run. */
  processId: string | null;
  application: string;
  actionflow: string;
  mode: ApiMode;
  /** Who performed the run (`system` for anonymous endpoints); null when refused before auth decided. */
  user: string | null;
  /** ISO 8601. */
  startedAt: string;
  /** Null while running. */
  durationMs: number | null;
  status: ConsoleStatus;
  request: { method: string; url: string; contentType: string; bytes: number };
  /** Null while running. */
  reply: { status: number; bytes: number } | null;
  /** Why a call was refused, or why a run was aborted. */
  reason: string | null;
  counts: { errors: number; warnings: number; debug: number };
}

/** A message of an entry: a text line and JSON details (bodies capped, secrets and authorization masked). */
export interface ConsoleMessage {
  seq: number;
  kind: ConsoleMessageKind;
  text: string;
  details?: unknown;
  /** ISO 8601. */
  at: string;
}

/** GET /console/entries/:id */
export interface ConsoleEntryDetail extends ConsoleEntrySummary {
  messages: ConsoleMessage[];
  /** Messages not kept because the entry reached its cap. */
  droppedMessages: number;
}

/** GET /console/entries: filters and paging (newest first; `before` is the id to continue below). */
export const consoleQuery = z
  .object({
    application: z.string().optional(),
    actionflow: z.string().optional(),
    status: z.enum(CONSOLE_STATUSES).optional(),
    /** Text searched in the URL, the user, the reason and the messages (texts and details); a process id finds its run's entry. */
    q: z.string().max(200).optional(),
    before: z.coerce.number().int().positive().optional(),
    limit: z.coerce.number().int().min(1).max(200).default(50),
  })
  .strict();
export type ConsoleQuery = z.output<typeof consoleQuery>;

/** GET /console/entries */
export interface ConsolePage {
  entries: ConsoleEntrySummary[];
  /** Pass as `before` for the next (older) page; null at the end. */
  nextBefore: number | null;
}

/**
 * GET /console/stream: Server-Sent Events. Each event is `event: entry` with a ConsoleEntrySummary
 * as data, sent when an entry is created and again when it changes (finished, stopped).
 */
export const CONSOLE_STREAM_EVENT = 'entry';

/**
 * GET /console/entries/:id?download=1 gives the same ConsoleEntryDetail as an attachment.
 * POST /console/entries/:id/stop: 202 with the entry's ConsoleEntryDetail once its run is aborted
 * (status `Aborted`, reason "stopped"; its caller, if still waiting, gets 503); 409 when the entry
 * is not running; 404 when unknown.
 */
