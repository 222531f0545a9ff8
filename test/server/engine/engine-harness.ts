import { onTestFinished } from 'vitest';
import type { ActionflowInput } from '../../../shared/schemas/actionflow.schema.js';
import { parseWorkspace } from '../../../shared/validation/parse-workspace.js';
import type { DataRecord } from '../../../server/engine/record.js';
import { createFlowEngine, type FlowEngine, type RunResult } from '../../../server/engine/flow-engine.js';
import { MemoryRunLog } from '../../../server/engine/run-log.js';
import type { RequestInput } from '../../../server/engine/request-input.js';
import { noSecrets, type SecretResolver } from '../../../server/security/secret-resolver.js';
import type { Stores } from '../../../server/storage/stores.js';
import { importWorkspace } from '../../../server/workspace/import.service.js';
import { memoryStores } from '../../support/memory-stores.js';
import { RunAbort, type RunSignal } from '../../../server/engine/run-aborted.error.js';
import type { ExecutorRegistry } from '../../../server/engine/executors/executor-registry.js';

type NodeInput = { id: string; type: string; name?: string; config?: Record<string, unknown> };
type TableInput = { name: string; columns: { name: string; type: string }[]; rows?: Record<string, unknown>[] };

/** A node at no particular position, named after its id unless a name is given. */
export const node = (id: string, type: string, config?: Record<string, unknown>, name?: string): NodeInput => ({
  id,
  type,
  name: name ?? id,
  ...(config ? { config } : {}),
});

/** A connection from `from` (point `out` unless given as `node.point`) to `to`. */
export const link = (from: string, to: string) => {
  const [node, point = 'out'] = from.split('.');
  return { id: `${from}->${to}`, from: { node: node!, point }, to: { node: to, point: 'in' } };
};

/** A flow of `nodes` joined by `links` (each "a->b", "a.true->b"); an API endpoint unless `api` is false. */
export function flow(name: string, nodes: NodeInput[], links: string[], api: Record<string, unknown> | false = { allowAnonymous: true }): ActionflowInput {
  return {
    name,
    ...(api === false ? {} : { api }),
    nodes: nodes.map((n, index) => ({ ...n, name: n.name ?? n.id, position: { x: index * 200, y: 0 } })),
    connections: links.map((text) => {
      const [from, to] = text.split('->');
      return link(from!, to!);
    }),
  };
}

/** The request a test run is triggered with: an empty POST unless told otherwise. */
export function request(overrides: Partial<RequestInput> = {}): RequestInput {
  return { body: '', headers: {}, contentType: '', url: 'http://127.0.0.1/phixflow/api/1/action/App/F/trigger', query: {}, ...overrides };
}

export interface Harness {
  stores: Stores;
  engine: FlowEngine;
  /** Runs flow `name` of application App; gives its result and what it logged. */
  run(name: string, req?: RequestInput, signal?: RunSignal): Promise<{ result: RunResult; log: MemoryRunLog; data: Record<string, DataRecord[]> }>;
}

/** An engine over in-memory stores holding application App with the given flows and tables; no server, no HTTP. */
export function engineHarness(setup: {
  flows: ActionflowInput[];
  tables?: TableInput[];
  secrets?: SecretResolver;
  settings?: Record<string, number>;
  executors?: ExecutorRegistry;
}): Harness {
  const stores = memoryStores();
  onTestFinished(() => {
    stores.db.close();
  });
  const parsed = parseWorkspace({
    format: 'actionflow-workspace',
    formatVersion: 1,
    applications: [{ name: 'App', tables: setup.tables ?? [], actionflows: setup.flows }],
  });
  if (!parsed.ok) throw new Error(`test workspace is not valid: ${JSON.stringify(parsed.problems, null, 1)}`);
  importWorkspace(stores, parsed.workspace);
  if (setup.settings) stores.settings.update(setup.settings);
  const engine = createFlowEngine(stores, setup.secrets ?? noSecrets, setup.executors);
  return {
    stores,
    engine,
    async run(name, req = request(), signal: RunSignal = new RunAbort()) {
      const stored = stores.flows.get('App', name);
      const log = new MemoryRunLog();
      const result = await engine.run(engine.compile(stored), req, { processId: 'test-run', user: 'system', log, signal });
      return { result, log, data: Object.fromEntries(result.outputs) };
    },
  };
}
