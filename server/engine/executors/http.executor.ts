import { JSONPath } from 'jsonpath-plus';
import { compileTemplate } from '../expressions/template.js';
import { RecordFailure } from '../record-failure.error.js';
import { attributeValue, type DataRecord } from '../record.js';
import { throwIfAborted } from '../run-aborted.error.js';
import { loggedBody } from '../run-log.js';
import type { Emit, NodeExecutor, NodeRun } from './node-executor.js';

const NOT_JSON = Symbol('not JSON');

/**
 * Calls a URL with the run's abort signal (and the node's timeout), reads output attributes from
 * the JSON reply by JSONPath, and logs a `Response` message. A failed call fails the record, or
 * goes to `error` when that point is connected.
 */
export const httpExecutor: NodeExecutor<'http'> = {
  prepare(node, { compile, connectedOutputs }) {
    const { method, timeoutMs } = node.config;
    const url = compileTemplate(node.config.url, 'url', compile, node.config.encodeUrlValues ? encodeURIComponent : undefined);
    const headers = node.config.headers.map((header) => ({ name: header.name, value: compileTemplate(header.value, `header "${header.name}"`, compile) }));
    const body = node.config.body === undefined || method === 'GET' || method === 'HEAD' ? undefined : compileTemplate(node.config.body, 'body', compile);
    const outputs = node.config.outputs.map((output) => ({
      ...output,
      expression: output.expression === undefined ? undefined : compile(output.expression, `output "${output.name}"`),
    }));
    const routesErrors = connectedOutputs.has('error');

    const failed = (record: DataRecord, emit: Emit, statusCode: number, message: string) => {
      if (!routesErrors) throw new RecordFailure(message);
      emit('error', { ...record, statusCode, errorMessage: message });
    };

    return {
      async each(record, run, emit) {
        const target = await url.render(record, record, run);
        const shownUrl = run.mask(target) as string;
        if (!/^https?:\/\//i.test(target) || !URL.canParse(target)) throw new RecordFailure(`url ${JSON.stringify(shownUrl)} is not an http or https URL`);
        const init: RequestInit = { method, headers: await requestHeaders(headers, record, run) };
        if (body) init.body = await body.render(record, record, run);
        run.log.noteCredentials?.(init.headers as Headers, target);
        const signal = run.signal.toAbortSignal();
        init.signal = timeoutMs === undefined ? signal : AbortSignal.any([signal, AbortSignal.timeout(timeoutMs)]);

        const startedAt = Date.now();
        let response: Response;
        let text: string;
        try {
          response = await fetch(target, init);
          run.log.noteCredentials?.(response.headers);
          text = await response.text();
        } catch (error) {
          throwIfAborted(run.signal);
          const reason = (error as Error).name === 'TimeoutError' ? `timed out after ${timeoutMs} ms` : `failed: ${causeOf(error)}`;
          const message = `${method} ${shownUrl} ${reason}`;
          run.log.add('Response', message, { node: run.node, method, url: shownUrl, status: 0, error: message, durationMs: Date.now() - startedAt });
          failed(record, emit, 0, message);
          return;
        }
        logResponse(run, { method, url: shownUrl, response, text, durationMs: Date.now() - startedAt });
        if (response.status >= 400) {
          failed(record, emit, response.status, `${method} ${shownUrl} answered ${response.status}${response.statusText ? ` ${response.statusText}` : ''}`);
          return;
        }
        const json = parseReply(text);
        let out: DataRecord = { ...record, statusCode: response.status };
        for (const output of outputs) {
          const found = json === NOT_JSON ? undefined : pathValue(json, output.path, output.name);
          const value = attributeValue(output.expression ? await output.expression.evaluate({ ...out, _result: { value: found } }, record, run) : found);
          out = { ...out };
          if (value === undefined) delete out[output.name];
          else out[output.name] = value;
        }
        emit('out', out);
      },
    };
  },
};

async function requestHeaders(templates: { name: string; value: ReturnType<typeof compileTemplate> }[], record: DataRecord, run: NodeRun): Promise<Headers> {
  const headers = new Headers();
  for (const header of templates) {
    const value = await header.value.render(record, record, run);
    try {
      headers.append(header.name, value);
    } catch (error) {
      throw new RecordFailure(`header "${header.name}" cannot be sent: ${(error as Error).message}`);
    }
  }
  return headers;
}

function parseReply(text: string): unknown {
  if (!text) return NOT_JSON;
  try {
    return JSON.parse(text);
  } catch {
    return NOT_JSON;
  }
}

/** The single match, an array when there are several, undefined when none (DESIGN §4). */
function pathValue(json: unknown, path: string, name: string): unknown {
  let matches: unknown[] | undefined;
  try {
    matches = JSONPath({ path, json: json as object, wrap: true }) as unknown[] | undefined;
  } catch (error) {
    throw new RecordFailure(`output "${name}": the JSONPath ${JSON.stringify(path)} is not valid (${(error as Error).message})`);
  }
  if (!matches || matches.length === 0) return undefined;
  return matches.length === 1 ? matches[0] : matches;
}

function logResponse(run: NodeRun, call: { method: string; url: string; response: Response; text: string; durationMs: number }): void {
  const { method, url, response, text, durationMs } = call;
  const { body, truncated } = loggedBody(text);
  run.log.add('Response', `${method} ${url} → ${response.status} (${durationMs} ms)`, {
    node: run.node,
    method,
    url,
    status: response.status,
    headers: run.mask(Object.fromEntries(response.headers)),
    body: run.mask(body),
    bytes: Buffer.byteLength(text),
    truncated,
    durationMs,
  });
}

/** fetch reports network errors as "fetch failed" with the reason in `cause`. */
function causeOf(error: unknown): string {
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  if (cause?.code && cause.message && !cause.message.includes(cause.code)) return `${cause.code}: ${cause.message}`;
  return cause?.message ?? (error as Error).message ?? String(error);
}
