import type { CompiledFlow } from '../engine/compile-flow.js';
import type { RunResult } from '../engine/flow-engine.js';
import { maskJson, maskSerialized, maskValue } from '../engine/mask.js';
import { copyValue } from '../engine/record.js';
import type { AbortReason } from '../engine/run-aborted.error.js';
import type { EndedRunStatus } from '../../shared/run-status.js';
import type { RunAnswer, WireReply } from './run-answer.js';

/** How a run ended, as far as its caller is concerned. */
export type RunOutcome =
  | { status: 'finished'; result: RunResult }
  | { status: 'aborted'; reason: AbortReason }
  /** The run failed as a whole: over a budget, or a defect of the engine (not a record's failure). */
  | { status: 'failed'; message: string };

const JSON_TYPE = 'application/json; charset=utf-8';

/** The message of a run aborted for `reason`, and its reply's status (DESIGN §5). */
export function abortedReply(reason: AbortReason, allowedMs: number): { status: number; message: string } {
  if (reason === 'timeout') return { status: 504, message: `timed out after ${allowedMs} ms` };
  return { status: 503, message: reason === 'stopped' ? 'stopped' : 'the server is stopping' };
}

/**
 * The reply to a run (DESIGN §5): the `response` node's when one answered, else JSON decided in
 * order: timed out 504, stopped 503, every record failed 500, outputs connected but none reached
 * 400, otherwise 200 with `data` (and `errors` when any record failed). Secret values the run used
 * are masked wherever they would appear. `allowedMs` is how long the run was allowed.
 */
export function runReply(outcome: RunOutcome, processId: string, allowedMs: number, flow: CompiledFlow): RunAnswer {
  if (outcome.status === 'aborted') {
    const { status, message } = abortedReply(outcome.reason, allowedMs);
    return { ...json(status, 'Aborted', { processId, message }), reason: message };
  }
  if (outcome.status === 'failed') return { ...json(500, 'Fail', { processId, message: outcome.message }), reason: outcome.message };

  const { outputs, errors, completed, response, secrets } = outcome.result;
  if (response) {
    const sent = { ...response.headers, 'content-type': response.contentType };
    const headers = secrets.size === 0 ? sent : (maskValue(sent, secrets) as WireReply['headers']);
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
  const body = maskJson(jsonText({ status: runStatus, ...fields }), secrets);
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
