/** A reply as it goes on the wire: status, headers and the body's text, built once by whoever ran the flow. */
export interface WireReply {
  status: number;
  headers: Record<string, string | string[]>;
  body: string;
}

import type { EndedRunStatus } from '../../shared/run-status.js';

/** A run's reply, its status, and what poll shows of it. */
export interface RunAnswer {
  reply: WireReply;
  status: EndedRunStatus;
  /** JSON: the reply's own fields (`status`, `message`, `data`, `errors`) or, when a `response` node answered, `{status, response}`. */
  result: string;
  /** Why an aborted or lost run ended so, as its message says. */
  reason?: string;
}

/** The answer to a run that ended without a result of its own (lost with its worker, never started): Fail or Aborted with `message`. */
export function endedAnswer(status: number, runStatus: Exclude<EndedRunStatus, 'Success'>, processId: string, message: string): RunAnswer {
  const body = JSON.stringify({ status: runStatus, processId, message });
  return { reply: { status, headers: { 'content-type': 'application/json; charset=utf-8' }, body }, status: runStatus, result: body, reason: message };
}

/** A run's answer as a worker sends it: `result` left out when it is the reply's body (a JSON reply), so those bytes cross once. */
export type SentAnswer = Omit<RunAnswer, 'result'> & { result?: string };

/** `answer` to send to the front. */
export function sentAnswer(answer: RunAnswer): SentAnswer {
  if (answer.result !== answer.reply.body) return answer;
  const { result: _sameAsBody, ...rest } = answer;
  return rest;
}

/** The answer a worker sent, whole again. */
export function receivedAnswer(sent: SentAnswer): RunAnswer {
  return sent.result === undefined ? { ...sent, result: sent.reply.body } : (sent as RunAnswer);
}
