import { TRACE_RECORDS_PER_NODE, type RunTrace } from '../../shared/dto/run-trace.dto.js';
import { CREDENTIAL_HEADERS } from './credentials.js';
import { LOGGED_BODY_BYTES } from './run-log.js';
import type { CompiledFlow, CompiledNode } from './compile-flow.js';
import { maskJson, maskValue } from './mask.js';
import { isFunctionValue, type DataRecord } from './record.js';
import { RunMasker } from './run-masker.js';
import { SECRET_MASK } from '../security/secret-masker.js';

/** A record bigger than this once serialized is kept as a note of its size (the console's cap on a body). */
const MAX_RECORD_BYTES = LOGGED_BODY_BYTES;

/**
 * A run trace as JSON text: built as text once, masked as text, stored as it is. It is a
 * `RunTrace` once parsed and given to `expandedTrace`. A value that is long as JSON (a record,
 * an attribute value such as a split's parsed body, a record inside an aggregate's array) is
 * written once, in `shared`, and stands as `{"\u0000shared": index}` wherever it occurs: in a
 * node's records, as a record's attribute, or as an element of an attribute's array. A record a
 * node sends and the next takes, and the value every record of a split carries, are so stored once.
 */
export type RunTraceJson = string;

/** The key of the stand-in for a shared value; no attribute a flow sets can begin with NUL by accident. */
const SHARED_KEY = '\u0000shared';

/** A value at least this long as JSON is written once per run, however many times it occurs. */
const SHARED_MIN_CHARS = 64;

/** A value of the trace as JSON: inline, or at `index` in `shared`; `bytes` is its size once expanded. */
interface Written {
  text: string;
  bytes: number;
  index?: number;
}

interface NodeTraceText {
  inputCount: number;
  /** The first records taken, each as JSON or a stand-in. */
  input: string[];
  outputCount: number;
  /** The first records sent, each as JSON (or a stand-in) with its point. */
  output: string[];
  errorCount: number;
  error: string | null;
}

/**
 * Records what a run does on its flow for the designer (DESIGN §8): how many records crossed each
 * connection, the first records each node took and sent, and where records failed. The first
 * records are kept as the JSON they will be stored as (serializing is the copy), so a large run
 * costs a count per record and a short one a serialization per kept record.
 */
export class RunTracer {
  private readonly connections = new Map<string, number>();
  /** Per `node id \0 point`, the ids of the connections leaving it. */
  private readonly leaving = new Map<string, string[]>();
  private readonly nodes = new Map<string, NodeTraceText>();
  private failure: RunTrace['failure'] = null;
  /** Values written so far, as JSON, by the object itself: a record one node sends is the one the next takes, never changed. */
  private readonly written = new WeakMap<object, Written>();
  /** Long strings written so far, by value. */
  private readonly writtenStrings = new Map<string, Written>();
  /** The texts of shared values, in the order first written. */
  private readonly shared: string[] = [];

  constructor(private readonly flow: CompiledFlow) {
    for (const connection of flow.flow.connections) {
      const key = `${connection.from.node}\u0000${connection.from.point}`;
      const ids = this.leaving.get(key) ?? [];
      ids.push(connection.id);
      this.leaving.set(key, ids);
    }
  }

  /** `node` takes `records` (before it changes any of them). */
  took(node: CompiledNode, records: readonly DataRecord[]): void {
    if (records.length === 0) return;
    const trace = this.nodeTrace(node.id);
    trace.inputCount += records.length;
    for (const record of records) {
      if (trace.input.length >= TRACE_RECORDS_PER_NODE) break;
      trace.input.push(this.standIn(this.record(record)));
    }
  }

  /** `node` sends `record` by `point`. */
  sent(node: CompiledNode, point: string, record: DataRecord): void {
    const trace = this.nodeTrace(node.id);
    trace.outputCount++;
    if (trace.output.length < TRACE_RECORDS_PER_NODE) trace.output.push(`{"point":${JSON.stringify(point)},"record":${this.standIn(this.record(record))}}`);
    for (const id of this.leaving.get(`${node.id}\u0000${point}`) ?? []) this.connections.set(id, (this.connections.get(id) ?? 0) + 1);
  }

  /** A record failed at the node with id `node`. */
  failed(node: string, message: string): void {
    const trace = this.nodeTrace(node);
    trace.errorCount++;
    trace.error ??= message;
    this.failure ??= { node, message };
  }

  /** The trace so far as JSON, with every secret value the run used (as it is and as JSON writes it) and every credential attribute masked. */
  result(secrets: ReadonlySet<string>): RunTraceJson {
    const nodes = [...this.nodes].map(
      ([id, node]) =>
        `${JSON.stringify(id)}:{"inputCount":${node.inputCount},"input":[${node.input.join(',')}],"outputCount":${node.outputCount},` +
        `"output":[${node.output.join(',')}],"errorCount":${node.errorCount},"error":${JSON.stringify(node.error)}}`,
    );
    const shared = this.shared.length === 0 ? '' : `,"shared":[${this.shared.join(',')}]`;
    const text =
      `{"application":${JSON.stringify(this.flow.application)},"actionflow":${JSON.stringify(this.flow.flow.name)},"revision":${this.flow.revision},` +
      `"connections":${JSON.stringify(Object.fromEntries(this.connections))},"nodes":{${nodes.join(',')}},"failure":${JSON.stringify(this.failure)}${shared}}`;
    return maskJson(text, secrets);
  }

  /** `record` written (a note of its size when it is too big to keep). */
  private record(record: DataRecord): Written {
    if (record === null || typeof record !== 'object') return this.share({ text: JSON.stringify(record) ?? 'null', bytes: 4 });
    let written = this.written.get(record);
    if (written) return written;
    let text: string;
    let bytes: number;
    if (Object.isFrozen(record) || Array.isArray(record)) {
      // A frozen record (a table's row held in memory) never changes: its text serves every run.
      text = FROZEN_TEXTS.get(record) ?? keptJson(record);
      if (Object.isFrozen(record)) FROZEN_TEXTS.set(record, text);
      bytes = utf8Bytes(text);
    } else {
      const parts: string[] = [];
      bytes = 2;
      for (const key of Object.keys(record)) {
        const value = record[key];
        if (value === undefined || isFunctionValue(value)) continue;
        const name = JSON.stringify(key);
        const attribute = value !== null && CREDENTIAL_HEADERS.has(key.toLowerCase()) ? MASKED : this.value(value);
        bytes += name.length + 2 + attribute.bytes;
        parts.push(`${name}:${this.standIn(attribute)}`);
      }
      text = bytes > MAX_RECORD_BYTES ? `{"truncated":true,"bytes":${bytes}}` : `{${parts.join(',')}}`;
    }
    written = this.share({ text, bytes });
    this.written.set(record, written);
    return written;
  }

  /** An attribute's value written (credential attributes inside it masked); an array's elements that are records of the run stand in for them. */
  private value(value: unknown): Written {
    if (typeof value === 'string') {
      if (value.length < SHARED_MIN_CHARS) return { text: JSON.stringify(value), bytes: value.length + 2 };
      let written = this.writtenStrings.get(value);
      if (!written) {
        const text = JSON.stringify(value);
        written = this.share({ text, bytes: utf8Bytes(text) });
        this.writtenStrings.set(value, written);
      }
      return written;
    }
    if (value === null || typeof value !== 'object') return { text: JSON.stringify(value) ?? 'null', bytes: 8 };
    let written = this.written.get(value);
    if (written) return written;
    const items: unknown[] | undefined = Array.isArray(value) ? value : undefined;
    if (items?.some((item) => this.writtenObject(item))) {
      const parts = items.map((item): Written => {
        const known = this.writtenObject(item);
        if (known) return known;
        const text = keptJson(item as DataRecord, false);
        return { text, bytes: utf8Bytes(text) };
      });
      written = { text: `[${parts.map((part) => this.standIn(part)).join(',')}]`, bytes: parts.reduce((sum, part) => sum + part.bytes + 1, 2) };
    } else {
      const text = keptJson(value as DataRecord, false);
      written = { text, bytes: utf8Bytes(text) };
    }
    written = this.share(written);
    this.written.set(value, written);
    return written;
  }

  /** How `item` was written already, when it is an object of the run written before (a record inside an aggregate's array). */
  private writtenObject(item: unknown): Written | undefined {
    return item !== null && typeof item === 'object' ? this.written.get(item) : undefined;
  }

  /** `written` placed in `shared` when it is long. */
  private share(written: Written): Written {
    if (written.text.length >= SHARED_MIN_CHARS) written.index = this.shared.push(written.text) - 1;
    return written;
  }

  /** What stands where `written` occurs: its JSON, or the stand-in for its place in `shared`. */
  private standIn(written: Written): string {
    return written.index === undefined ? written.text : `{"\\u0000shared":${written.index}}`;
  }

  private nodeTrace(id: string): NodeTraceText {
    let trace = this.nodes.get(id);
    if (!trace) {
      trace = { inputCount: 0, input: [], outputCount: 0, output: [], errorCount: 0, error: null };
      this.nodes.set(id, trace);
    }
    return trace;
  }
}

/** An attribute named like a credential header (or a JSONata function's mark), as JSON writes it: a record with one is copied and masked before it is kept. */
const CREDENTIAL_ATTRIBUTE = new RegExp(`"(?:${[...CREDENTIAL_HEADERS, '_jsonata_lambda'].join('|')})":`, 'i');
/** The JSON of frozen records, by record, for as long as they live. */
const FROZEN_TEXTS = new WeakMap<object, string>();
const MASKED: Written = { text: `"${SECRET_MASK}"`, bytes: SECRET_MASK.length + 2 };
const NO_SECRETS: ReadonlySet<string> = new Set();
const NO_CREDENTIALS = new RunMasker();

/** `record` as it is now, as JSON (its credential attributes masked), or (when `capped`) a note of its size when it is too big to keep. */
function keptJson(record: DataRecord, capped = true): string {
  let text: string | undefined;
  try {
    text = JSON.stringify(record);
  } catch {
    // A JSONata function left in a value refers to itself; maskValue leaves functions out.
  }
  if (text === undefined || CREDENTIAL_ATTRIBUTE.test(text)) text = JSON.stringify(NO_CREDENTIALS.value(maskValue(record, NO_SECRETS))) ?? 'null';
  if (capped && utf8Bytes(text) > MAX_RECORD_BYTES) return `{"truncated":true,"bytes":${Buffer.byteLength(text)}}`;
  return text;
}

/** The UTF-8 size of `text`, counted only when it could be near the cap (a UTF-16 unit takes at most 3 bytes). */
function utf8Bytes(text: string): number {
  return text.length * 3 <= MAX_RECORD_BYTES ? text.length : Buffer.byteLength(text);
}

/** A stored trace, parsed, with every shared value put back where it stands in (see `RunTraceJson`). */
export function expandedTrace(parsed: RunTrace & { shared?: unknown[] }): RunTrace {
  const { shared, ...trace } = parsed;
  if (!shared) return parsed;
  const expanded = new Map<number, unknown>();
  // Stand-ins are only ever a node's record, a record's attribute, or an element of an attribute's array.
  const resolve = (value: unknown, depth: number): unknown => {
    if (value === null || typeof value !== 'object') return value;
    if (Array.isArray(value)) return depth < 2 ? value.map((item) => resolve(item, depth + 1)) : value;
    const fields = value as Record<string, unknown>;
    const index = fields[SHARED_KEY];
    if (typeof index === 'number' && Object.keys(fields).length === 1) {
      // A shared value is resolved once, as a record is (its own stand-ins point to values written before it).
      if (!expanded.has(index)) {
        expanded.set(index, null);
        expanded.set(index, resolve(shared[index], 0));
      }
      return expanded.get(index);
    }
    if (depth < 2) for (const key of Object.keys(fields)) fields[key] = resolve(fields[key], depth + 1);
    return fields;
  };
  for (const node of Object.values(trace.nodes)) {
    node.input = node.input.map((record) => resolve(record, 0));
    for (const sent of node.output) sent.record = resolve(sent.record, 0);
  }
  return trace;
}
