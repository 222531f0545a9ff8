import type { CompiledFlow } from '../engine/compile-flow.js';
import { maskSerialized, maskValue } from '../engine/mask.js';
import { copyValue } from '../engine/record.js';
import type { RunOutcome } from '../engine/run-manager.js';

/** A reply as it goes on the wire. */
export interface Reply {
  status: number;
  headers: Record<string, string | string[]>;
  body: string;
}

/** The outcome a console entry records. */
export type RunStatus = 'Success' | 'Fail' | 'Aborted';

const JSON_TYPE = 'application/json; charset=utf-8';

/**
 * The reply to a run (DESIGN §5): the `response` node's when one answered, else JSON decided in
 * order: timed out 504, stopped 503, every record failed 500, outputs connected but none reached
 * 400, otherwise 200 with `data` (and `errors` when any record failed). Secret values the run used
 * are masked wherever they would appear.
 */
export function runReply(outcome: RunOutcome, processId: string, timeoutMs: number, flow: CompiledFlow): { reply: Reply; status: RunStatus } {
  if (outcome.status === 'aborted') {
    const message = outcome.reason === 'timeout' ? `timed out after ${timeoutMs} ms` : 'stopped';
    return json(outcome.reason === 'timeout' ? 504 : 503, 'Aborted', { processId, message });
  }
  if (outcome.status === 'crashed') return json(500, 'Fail', { processId, message: `internal error: ${outcome.message}` });

  const { outputs, errors, completed, response, secrets } = outcome.result;
  if (response) {
    const sent = { ...response.headers, 'content-type': response.contentType };
    const headers = secrets.size === 0 ? sent : (maskValue(sent, secrets) as Reply['headers']);
    return { reply: { status: response.statusCode, headers, body: maskSerialized(response.body, secrets) }, status: 'Success' };
  }
  if (errors.length > 0 && completed === 0) return json(500, 'Fail', { processId, message: errors[0]!.message, errors }, secrets);
  const data = Object.fromEntries(flow.outputNames.map((name) => [name, outputs.get(name) ?? []]));
  if (flow.outputNames.length > 0 && flow.outputNames.every((name) => data[name]!.length === 0)) {
    return json(400, 'Fail', { processId, message: 'no record returned', data }, secrets);
  }
  return json(200, 'Success', { processId, data, ...(errors.length > 0 ? { errors } : {}) }, secrets);
}

function json(status: number, runStatus: RunStatus, fields: Record<string, unknown>, secrets: ReadonlySet<string> = NO_SECRETS): { reply: Reply; status: RunStatus } {
  const body = maskSerialized(jsonText({ status: runStatus, ...fields }), secrets);
  return { reply: { status, headers: { 'content-type': JSON_TYPE }, body }, status: runStatus };
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
