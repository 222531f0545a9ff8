import { TRACE_RECORDS_PER_NODE, type RunTrace } from '../../shared/dto/run-trace.dto.js';
import { CREDENTIAL_HEADERS } from './credentials.js';
import { LOGGED_BODY_BYTES } from './run-log.js';
import type { CompiledFlow, CompiledNode } from './compile-flow.js';
import { maskSerialized, maskValue } from './mask.js';
import { isFunctionValue, type DataRecord } from './record.js';
import { RunMasker } from './run-masker.js';
import { SECRET_MASK } from '../security/secret-masker.js';

/** A record bigger than this once serialized is kept as a note of its size (the console's cap on a body). */
const MAX_RECORD_BYTES = LOGGED_BODY_BYTES;

/**
 * A run trace as JSON text: built as text once, masked as text, stored as it is. It is a
 * `RunTrace` once parsed and given to `expandedTrace`: a large attribute value that several
 * records of the run carry (the parsed body every record of a split keeps, the headers) is
 * written once, in `shared`, and each record holds `{"\u0000shared": index}` in its place.
 */
export type RunTraceJson = string;

/** The key of the stand-in for a shared value; no attribute a flow sets can begin with NUL by accident. */
const SHARED_KEY = '\u0000shared';

/** A value at least this long as JSON is written once per run, however many records carry it. */
const SHARED_MIN_CHARS = 256;

interface NodeTraceText {
  inputCount: number;
  /** The first records taken, each as JSON. */
  input: string[];
  outputCount: number;
  /** The first records sent, each as JSON with its point. */
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
  /**
   * Records as JSON, by record: a record one node sends is the one the next takes (nodes never
   * change a record they are given; they send new ones), so it is serialized once for both.
   */
  private readonly texts = new WeakMap<DataRecord, string>();
  /** Large attribute values as JSON, in the order first seen; records refer to them by index. */
  private readonly shared: string[] = [];
  /** An attribute value's JSON (or its index in `shared`) by the object itself, and large strings' indexes by value. */
  private readonly objectTexts = new WeakMap<object, { text: string; shared?: number }>();
  private readonly sharedStrings = new Map<string, number>();

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
      trace.input.push(this.json(record));
    }
  }

  /** `node` sends `record` by `point`. */
  sent(node: CompiledNode, point: string, record: DataRecord): void {
    const trace = this.nodeTrace(node.id);
    trace.outputCount++;
    if (trace.output.length < TRACE_RECORDS_PER_NODE) trace.output.push(`{"point":${JSON.stringify(point)},"record":${this.json(record)}}`);
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
    return maskSerialized(text, secrets);
  }

  private json(record: DataRecord): string {
    // A frozen record (a table's row held in memory) never changes: its text serves every run.
    const frozen = Object.isFrozen(record);
    const texts = frozen ? FROZEN_TEXTS : this.texts;
    let text = texts.get(record);
    if (text === undefined) {
      text = frozen || record === null || typeof record !== 'object' || Array.isArray(record) ? keptJson(record) : this.sharingJson(record);
      texts.set(record, text);
    }
    return text;
  }

  /** `record` as JSON with its large attribute values written once per run (see `RunTraceJson`), or a note of its size when too big to keep. */
  private sharingJson(record: DataRecord): string {
    const parts: string[] = [];
    let bytes = 2;
    for (const key of Object.keys(record)) {
      const value = record[key];
      if (value === undefined || isFunctionValue(value)) continue;
      const name = JSON.stringify(key);
      if (value !== null && CREDENTIAL_HEADERS.has(key.toLowerCase())) {
        parts.push(`${name}:"${SECRET_MASK}"`);
        continue;
      }
      const { text, shared } = this.valueJson(value);
      bytes += name.length + 2 + utf8Bytes(text);
      parts.push(shared === undefined ? `${name}:${text}` : `${name}:{${JSON.stringify(SHARED_KEY)}:${shared}}`);
    }
    if (bytes > MAX_RECORD_BYTES) return `{"truncated":true,"bytes":${bytes}}`;
    return `{${parts.join(',')}}`;
  }

  /** An attribute value as JSON (credential attributes inside it masked), and its index in `shared` when it is large. */
  private valueJson(value: unknown): { text: string; shared?: number } {
    if (typeof value === 'string') {
      if (value.length < SHARED_MIN_CHARS) return { text: JSON.stringify(value) };
      const text = JSON.stringify(value);
      let shared = this.sharedStrings.get(value);
      if (shared === undefined) {
        shared = this.shared.push(text) - 1;
        this.sharedStrings.set(value, shared);
      }
      return { text, shared };
    }
    if (value === null || typeof value !== 'object') return { text: JSON.stringify(value) ?? 'null' };
    let known = this.objectTexts.get(value);
    if (!known) {
      const text = keptJson(value as DataRecord, false);
      known = text.length < SHARED_MIN_CHARS ? { text } : { text, shared: this.shared.push(text) - 1 };
      this.objectTexts.set(value, known);
    }
    return known;
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
const FROZEN_TEXTS = new WeakMap<DataRecord, string>();
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

/** A stored trace, parsed, with every shared value put back in the records that carry it (see `RunTraceJson`). */
export function expandedTrace(parsed: RunTrace & { shared?: unknown[] }): RunTrace {
  const { shared, ...trace } = parsed;
  if (!shared) return parsed;
  const expand = (record: unknown) => {
    if (record === null || typeof record !== 'object' || Array.isArray(record)) return record;
    const values = record as Record<string, unknown>;
    for (const key of Object.keys(values)) {
      const value = values[key] as Record<string, unknown> | null;
      if (value !== null && typeof value === 'object' && typeof value[SHARED_KEY] === 'number') values[key] = shared[value[SHARED_KEY]];
    }
    return values;
  };
  for (const node of Object.values(trace.nodes)) {
    node.input = node.input.map(expand);
    for (const sent of node.output) sent.record = expand(sent.record);
  }
  return trace;
}
