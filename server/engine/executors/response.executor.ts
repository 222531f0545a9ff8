import { validateHeaderName, validateHeaderValue } from 'node:http';
import type { CompiledExpression } from '../expressions/expression-compiler.js';
import { RecordFailure } from '../record-failure.error.js';
import type { DataRecord } from '../record.js';
import type { NodeExecutor, NodeRun } from './node-executor.js';

/** Framing and hop-by-hop headers: the server sets them, never a record. */
const SERVER_HEADERS = new Set([
  'content-length',
  'transfer-encoding',
  'connection',
  'keep-alive',
  'host',
  'upgrade',
  'te',
  'trailer',
  'proxy-authenticate',
  'proxy-authorization',
]);

const FIELDS = ['statusCode', 'headers', 'contentType', 'body'] as const;
type Field = (typeof FIELDS)[number];

/** Makes the reply from the first record to arrive: status code, headers, content type and body. */
export const responseExecutor: NodeExecutor<'response'> = {
  prepare(node, { compile }) {
    const expressions = new Map<Field, CompiledExpression>();
    for (const field of FIELDS) {
      const text = node.config[field];
      if (text !== undefined) expressions.set(field, compile(text, field));
    }
    // `headers` and `contentType` come only from their own expressions: the record's `headers`
    // are the caller's request headers (cookies, credentials) and must never be reflected.
    const valueOf = async (field: Field, record: DataRecord, run: NodeRun) => {
      const expression = expressions.get(field);
      if (expression) return expression.evaluate(record, record, run);
      return field === 'headers' || field === 'contentType' ? undefined : record[field];
    };
    return {
      async each(record, run) {
        if (run.responded) return;
        const statusCode = statusCodeOf(await valueOf('statusCode', record, run));
        const headers = headersOf(await valueOf('headers', record, run));
        const body = await valueOf('body', record, run);
        const contentType = contentTypeOf(await valueOf('contentType', record, run), headers, body);
        delete headers['content-type'];
        run.respond({ statusCode, headers, contentType, body: bodyText(body) });
      },
    };
  },
};

function statusCodeOf(value: unknown): number {
  if (value === undefined || value === null) return 200;
  const code = typeof value === 'string' && /^\d+$/.test(value.trim()) ? Number(value) : value;
  if (typeof code !== 'number' || !Number.isInteger(code) || code < 200 || code > 599) {
    throw new RecordFailure(`statusCode must be a whole number from 200 to 599, got ${JSON.stringify(value)}`);
  }
  return code;
}

function headersOf(value: unknown): Record<string, string | string[]> {
  if (value === undefined || value === null) return {};
  if (typeof value !== 'object' || Array.isArray(value)) throw new RecordFailure(`headers must be an object of names and values, got ${JSON.stringify(value)}`);
  const headers: Record<string, string | string[]> = {};
  for (const [rawName, raw] of Object.entries(value)) {
    const name = rawName.toLowerCase();
    if (SERVER_HEADERS.has(name) || raw === undefined || raw === null) continue;
    const values = (Array.isArray(raw) ? raw : [raw]).map((item) => headerText(name, item));
    try {
      validateHeaderName(name);
      for (const item of values) validateHeaderValue(name, item);
    } catch (error) {
      throw new RecordFailure(`header "${rawName}" cannot be sent: ${(error as Error).message}`);
    }
    headers[name] = Array.isArray(raw) ? values : values[0]!;
  }
  return headers;
}

function headerText(name: string, value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  throw new RecordFailure(`header "${name}" must be text, a number or a list of them, got ${JSON.stringify(value)}`);
}

function contentTypeOf(value: unknown, headers: Record<string, string | string[]>, body: unknown): string {
  const chosen = value ?? headers['content-type'];
  if (chosen !== undefined && chosen !== null && chosen !== '') {
    if (typeof chosen !== 'string') throw new RecordFailure(`contentType must be text, got ${JSON.stringify(chosen)}`);
    return chosen;
  }
  return body !== null && typeof body === 'object' ? 'application/json' : 'text/plain; charset=utf-8';
}

function bodyText(body: unknown): string {
  if (body === undefined) return '';
  if (typeof body === 'string') return body;
  if (body !== null && typeof body === 'object') return JSON.stringify(body) ?? '';
  return String(body);
}
