import type { ServerResponse } from 'node:http';
import { pollPath } from '../../../shared/urls.js';
import { json, localHttpServer } from '../engine/local-http-server.js';
import { flow, node, send } from './api-fixtures.js';

/** A local service whose replies wait until the test releases them: a run that calls it stays Running until then. */
export async function gatedService() {
  const waiting: ServerResponse[] = [];
  let released: number | undefined;
  const service = await localHttpServer((_request, response) => (released === undefined ? waiting.push(response) : json(response, { value: released })));
  return {
    url: service.url,
    seen: service.seen,
    /** Answers every call, waiting or still to come, with `{"value": n}`. */
    release(value = 1) {
      released = value;
      for (const response of waiting.splice(0)) json(response, { value });
    },
  };
}

/** An async endpoint that calls `url` and returns the `value` it answers as `result[0].value`. */
export const callingFlow = (name: string, url: string, api: Record<string, unknown> = {}) =>
  flow(
    name,
    [
      node('in', 'apiInput'),
      node('h', 'http', { url, outputs: [{ name: 'value', path: '$.value' }] }, 'Call'),
      node('o', 'output', { attributes: ['value'] }, 'result'),
    ],
    ['in->h', 'h->o'],
    {
      allowAnonymous: true,
      mode: 'async',
      ...api,
    },
  );

/** An async endpoint that answers at once with `{"answer": 42}`. */
export const quickFlow = (name: string) =>
  flow(
    name,
    [
      node('in', 'apiInput'),
      node('c', 'calculate', { attributes: [{ name: 'answer', expression: '42' }] }),
      node('o', 'output', { attributes: ['answer'] }, 'result'),
    ],
    ['in->c', 'c->o'],
    {
      allowAnonymous: true,
      mode: 'async',
    },
  );

/** Polls a run in the version 11 form (or version 10 without an application). */
export const poll = (
  base: string,
  application: string | undefined,
  actionflow: string,
  processId: string,
  options: Parameters<typeof send>[2] = { method: 'GET' },
) => send(base, pollPath(application === undefined ? { actionflow } : { application, actionflow }, processId), options);
