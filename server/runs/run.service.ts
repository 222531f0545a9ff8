import { randomUUID } from 'node:crypto';
import type { ApiMode } from '../../shared/schemas/actionflow.schema.js';
import type { Settings } from '../../shared/schemas/settings.schema.js';
import type { Clock } from '../clock.js';
import type { ConsoleRunLog } from '../console/console-run-log.js';
import type { ConsoleService } from '../console/console.service.js';
import { withMaskedAuthorization } from '../engine/mask.js';
import { loggedBody, type RunMessageKind } from '../engine/run-log.js';
import type { RequestInput } from '../engine/request-input.js';
import { RunMasker } from '../engine/run-masker.js';
import type { FlowRecord } from '../storage/flow.store.js';
import { endedAnswer, type RunAnswer, type WireReply } from './run-answer.js';
import type { RunEvents, RunExecutor } from './run-executor.js';
import type { RunJob } from './run-job.js';
import { abortedReply } from './run-reply.js';
import type { ProcessRegistry } from './process-registry.js';

/** The message of a queued run that the server's stop kept from starting. */
export const NOT_STARTED = 'not started (safe to resend)';

/** No endpoint holds more than this share of the run slots, so one endpoint's flood leaves room for the others (DESIGN §10). */
const ENDPOINT_SHARE = 0.75;

export interface RunServiceDeps {
  executor: RunExecutor;
  console: ConsoleService;
  processes: ProcessRegistry;
  clock: Clock;
  settings: () => Settings;
}

/** A run to start: the endpoint, its request, who performs it, and how long it may take from the request's arrival. */
export interface RunRequest {
  endpoint: FlowRecord;
  request: RequestInput;
  method: string;
  bytes: number;
  user: string;
  arrivedAt: number;
  /** The sync timeout, or the server's maximum run time in async mode. */
  allowedMs: number;
}

/** A run this service owns, from its start to its console entry's end. */
export interface RunTicket {
  readonly processId: string;
  readonly startedAt: number;
  readonly mode: ApiMode;
  /** Settles when the run ends, however it ends; never rejects. */
  readonly answer: Promise<RunAnswer>;
  /** Writes a message of the front's own (the result kept for poll after a 202). */
  note(kind: RunMessageKind, text: string, details?: unknown): void;
  /** The reply as it went to the caller. */
  replied(reply: WireReply, text: string): void;
  /** The run's console entry ends with `answer`. */
  finish(answer: RunAnswer): void;
}

/** A run waiting for a slot, or performed. */
interface OwnedRun {
  job: RunJob;
  answer: Promise<RunAnswer>;
  endpointKey: string;
  events: RunEvents;
  queueTimer?: NodeJS.Timeout;
}

export type StartedRun = { ok: true; run: RunTicket } | { ok: false; message: string };

/**
 * Owns every run from its start to its reply (DESIGN §10): the console entry, the process poll
 * reads, the run slot. Runs beyond the executor's capacity wait in a queue per endpoint, served
 * in turn, and no endpoint holds more than three quarters of the slots; a full queue refuses
 * (503). A run's deadline counts from the request's arrival, queue time included.
 */
export class RunService {
  private readonly performing = new Map<string, OwnedRun>();
  private readonly performingByEndpoint = new Map<string, number>();
  /** Waiting runs per endpoint, endpoints in the order they are served next. */
  private readonly queues = new Map<string, OwnedRun[]>();
  private waiting = 0;

  constructor(private readonly deps: RunServiceDeps) {}

  /** Runs performed now or waiting for a slot. */
  get running(): number {
    return this.performing.size + this.waiting;
  }

  /** Starts a run, or queues it; refuses when the queues are full. */
  start(spec: RunRequest): StartedRun {
    const settings = this.deps.settings();
    if (this.running >= settings.maxConcurrentRuns) {
      return { ok: false, message: `the server has as many runs as it takes at once (${settings.maxConcurrentRuns}, running and waiting); try again shortly` };
    }
    const endpointKey = String(spec.endpoint.id);
    const startsNow = this.hasSlotFor(endpointKey) && !this.queues.has(endpointKey);
    if (!startsNow && (this.queues.get(endpointKey)?.length ?? 0) >= settings.maxQueuedRunsPerEndpoint) {
      return {
        ok: false,
        message: `this endpoint has ${settings.maxQueuedRunsPerEndpoint} runs waiting for a run slot already (the maxQueuedRunsPerEndpoint setting); try again shortly`,
      };
    }

    const processId = randomUUID();
    const startedAt = this.deps.clock.now();
    const { endpoint, request } = spec;
    const mode = endpoint.flow.api!.mode;
    const masker = new RunMasker().note(request.headers, request.url);
    const log = this.deps.console.openRun({
      processId,
      application: endpoint.application,
      actionflow: endpoint.flow.name,
      mode,
      user: spec.user,
      startedAt,
      request: { method: spec.method, url: masker.text(request.url), contentType: request.contentType, bytes: spec.bytes },
    });
    // The Request message comes first, made here where the request is (masked like every message).
    log.add(
      'Request',
      masker.text(`${spec.method} ${request.url}`),
      masker.value({
        method: spec.method,
        url: request.url,
        contentType: request.contentType,
        bytes: spec.bytes,
        headers: withMaskedAuthorization(request.headers),
        body: loggedBody(request.body).body,
      }),
    );
    this.deps.processes.started({ processId, application: endpoint.application, actionflow: endpoint.flow.name, mode, user: spec.user, startedAt });

    let settle!: (answer: RunAnswer) => void;
    const answer = new Promise<RunAnswer>((resolve) => (settle = resolve));
    const job: RunJob = {
      processId,
      flowId: endpoint.id,
      revision: endpoint.revision,
      application: endpoint.application,
      actionflow: endpoint.flow.name,
      mode,
      user: spec.user,
      method: spec.method,
      bytes: spec.bytes,
      request,
      // Timers run on the system's clock, whatever clock the service is given (a test's, a picture's).
      deadlineAt: Date.now() + (spec.arrivedAt + spec.allowedMs - startedAt),
      allowedMs: spec.allowedMs,
      budgets: { maxRecords: settings.maxRunRecords, maxValueBytes: settings.maxValueBytes },
    };
    const owned: OwnedRun = {
      job,
      answer,
      endpointKey,
      events: {
        messages: (batch) => log.append(batch),
        done: (ended, ending) => {
          if (ending) {
            log.counted(ending.counts);
            masker.remember(ending.credentials);
            if (ending.trace) log.traced(ending.trace);
          }
          this.deps.processes.finished(processId, ended.status, ended.result);
          this.release(owned);
          settle(ended);
        },
      },
    };
    if (startsNow) this.perform(owned);
    else this.enqueue(owned);
    return { ok: true, run: ticket(processId, startedAt, mode, answer, log, masker, this.deps.clock) };
  }

  /** Stops a run as from the console; gives its answer to come, or undefined when there is no such run. */
  stop(processId: string): Promise<RunAnswer> | undefined {
    const performed = this.performing.get(processId);
    if (performed) {
      this.deps.executor.stop(processId, 'stopped');
      return performed.answer;
    }
    const waiting = this.findWaiting(processId);
    if (!waiting) return undefined;
    this.dequeue(waiting);
    const { status, message } = abortedReply('stopped', waiting.job.allowedMs);
    waiting.events.done(endedAnswer(status, 'Aborted', processId, message));
    return waiting.answer;
  }

  /** The server is stopping: waiting runs end Aborted without starting, performed ones are stopped, and their callers answered. */
  async stopAll(): Promise<void> {
    for (const queue of [...this.queues.values()]) {
      for (const waiting of [...queue]) {
        this.dequeue(waiting);
        waiting.events.done(endedAnswer(503, 'Aborted', waiting.job.processId, NOT_STARTED));
      }
    }
    await this.deps.executor.close();
  }

  /** The executor's capacity, shared fairly: a slot is free and this endpoint holds less than its share. */
  private hasSlotFor(endpointKey: string): boolean {
    const capacity = this.deps.executor.capacity;
    if (this.performing.size >= capacity) return false;
    return (this.performingByEndpoint.get(endpointKey) ?? 0) < Math.max(1, Math.floor(capacity * ENDPOINT_SHARE));
  }

  private perform(owned: OwnedRun): void {
    this.performing.set(owned.job.processId, owned);
    this.performingByEndpoint.set(owned.endpointKey, (this.performingByEndpoint.get(owned.endpointKey) ?? 0) + 1);
    this.deps.executor.perform(owned.job, owned.events);
  }

  private enqueue(owned: OwnedRun): void {
    const queue = this.queues.get(owned.endpointKey);
    if (queue) queue.push(owned);
    else this.queues.set(owned.endpointKey, [owned]);
    this.waiting++;
    owned.queueTimer = setTimeout(
      () => {
        this.dequeue(owned);
        const { status, message } = abortedReply('timeout', owned.job.allowedMs);
        owned.events.done(endedAnswer(status, 'Aborted', owned.job.processId, message));
      },
      Math.max(0, owned.job.deadlineAt - Date.now()),
    );
  }

  private dequeue(owned: OwnedRun): void {
    clearTimeout(owned.queueTimer);
    const queue = this.queues.get(owned.endpointKey);
    const index = queue?.indexOf(owned) ?? -1;
    if (!queue || index < 0) return;
    queue.splice(index, 1);
    if (queue.length === 0) this.queues.delete(owned.endpointKey);
    this.waiting--;
  }

  private findWaiting(processId: string): OwnedRun | undefined {
    for (const queue of this.queues.values()) {
      const found = queue.find((owned) => owned.job.processId === processId);
      if (found) return found;
    }
    return undefined;
  }

  /** A performed run has ended: its slot goes to the next endpoint in turn that may take one. */
  private release(owned: OwnedRun): void {
    if (!this.performing.delete(owned.job.processId)) return;
    const held = (this.performingByEndpoint.get(owned.endpointKey) ?? 1) - 1;
    if (held === 0) this.performingByEndpoint.delete(owned.endpointKey);
    else this.performingByEndpoint.set(owned.endpointKey, held);
    for (const [endpointKey, queue] of this.queues) {
      if (!this.hasSlotFor(endpointKey)) continue;
      const next = queue[0]!;
      this.dequeue(next);
      // The endpoint served goes to the back of the turn.
      if (this.queues.has(endpointKey)) {
        this.queues.delete(endpointKey);
        this.queues.set(endpointKey, queue);
      }
      this.perform(next);
      return;
    }
  }
}

/** A run's ticket; the reply it logs is masked with the credentials the run learnt (DESIGN §6). */
function ticket(
  processId: string,
  startedAt: number,
  mode: ApiMode,
  answer: Promise<RunAnswer>,
  log: ConsoleRunLog,
  masker: RunMasker,
  clock: Clock,
): RunTicket {
  return {
    processId,
    startedAt,
    mode,
    answer,
    note: (kind, text, details) => log.add(kind, masker.text(text), masker.value(details)),
    replied: (reply, text) =>
      log.replied({ status: reply.status, headers: masker.value(reply.headers) as WireReply['headers'], body: masker.text(reply.body) }, masker.text(text)),
    finish: (ended) => log.finish({ status: ended.status, finishedAt: clock.now(), ...(ended.reason === undefined ? {} : { reason: ended.reason }) }),
  };
}
