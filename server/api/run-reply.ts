import type { CompiledFlow } from '../engine/compile-flow.js';
import { maskSerialized, maskValue } from '../engine/mask.js';
import { copyValue } from '../engine/record.js';
import type { SentReply } from '../engine/run-log.js';
import type { RunOutcome } from '../engine/run-manager.js';
import type { EndedRunStatus } from '../../shared/run-status.js';

/** A reply as it goes on the wire. */
export type Reply = SentReply;

/** The outcome a console entry records. */

const JSON_TYPE = 'application/json; charset=utf-8';

/** A run's reply, its status as poll and the console report it, and what poll shows of it (a JSON object). */
export interface RunAnswer {
  reply: Reply;
  status: EndedRunStatus;
  /** JSON: the reply's own fields (`status`, `message`, `data`, `errors`) or, when a `response` node answered, `{status, response}`. */
  result: string;
  /** Why an aborted run was aborted, as its message says. */
  reason?: string;
}

const ABORT_REPLIES = {
  timeout: { status: 504, message: (deadlineMs: number) => `timed out after ${deadlineMs} ms` },
  stopped: { status: 503, message: () => 'stopped' },
  shutdown: { status: 503, message: () => 'the server is stopping' },
} as const;

/**
 * The reply to a run (DESIGN §5): the `response` node's when one answered, else JSON decided in
 * order: timed out 504, stopped 503, every record failed 500, outputs connected but none reached
 * 400, otherwise 200 with `data` (and `errors` when any record failed). Secret values the run used
 * are masked wherever they would appear. `deadlineMs` is how long the run was allowed.
 */
export function runReply(outcome: RunOutcome, processId: string, deadlineMs: number, flow: CompiledFlow): RunAnswer {
  if (outcome.status === 'aborted') {
    const abort = ABORT_REPLIES[outcome.reason];
    const message = abort.message(deadlineMs);
    return { ...json(abort.status, 'Aborted', { processId, message }), reason: message };
  }
  if (outcome.status === 'crashed') return json(500, 'Fail', { processId, message: `internal error: ${outcome.message}` });

  const { outputs, errors, completed, response, secrets } = outcome.result;
  if (response) {
    const sent = { ...response.headers, 'content-type': response.contentType };
    const headers = secrets.size === 0 ? sent : (maskValue(sent, secrets) as Reply['headers']);
    const body = maskSerialized(response.body, secrets);
    const contentType = maskSerialized(response.contentType, secrets);
    const result = jsonText({ status: 'Success', response: { statusCode: response.statusCode, headers, contentType, body } });
    return { reply: { status: response.statusCode, headers, body }, status: 'Success', result };
  }
  if (errors.length > 0 && completed === 0) return json(500, 'Fail', { processId, message: errors[0]!.message, errors }, secrets);
  const data = Object.fromEntries(flow.outputNames.map((name) => [name, outputs.get(name) ?? []]));
  if (flow.outputNames.length > 0 && flow.outputNames.every((name) => data[name]!.length === 0)) {
    return json(400, 'Fail', { processId, message: 'no record returned', data }, secrets);
  }
  return json(200, 'Success', { processId, data, ...(errors.length > 0 ? { errors } : {}) }, secrets);
}

/** A JSON reply; its body doubles as what poll shows, which adds the run's times to it. */
function json(status: number, runStatus: EndedRunStatus, fields: Record<string, unknown>, secrets: ReadonlySet<string> = NO_SECRETS): RunAnswer {
  const body = maskSerialized(jsonText({ status: runStatus, ...fields }), secrets);
  return { reply: { status, headers: { 'content-type': JSON_TYPE }, body }, status: runStatus, result: body };
}

const NO_SECRETS: ReadonlySet<string> = new Set();

/** JSON of a reply; a JSONata function left inside a record (which may refer to itself) is dropped. */
function jsonText(value: unknown): string {
  try {
    return JSON.stringify(value);
  } catch {
    return JSON.stringify(copyValue(value));
  }
}
