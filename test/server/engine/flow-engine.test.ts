import { describe, expect, it } from 'vitest';
import { NODE_TYPES } from '../../../shared/node-types/registry.js';
import { actionflowSchema } from '../../../shared/schemas/actionflow.schema.js';
import { EXECUTORS } from '../../../server/engine/executors/executor-registry.js';
import { MemoryRunLog } from '../../../server/engine/run-log.js';
import { RunManager } from '../../../server/engine/run-manager.js';
import { systemClock } from '../../../server/clock.js';
import { engineHarness, flow, node, request } from './engine-harness.js';
import { localHttpServer } from './local-http-server.js';

const simple = flow('F', [node('in', 'apiInput'), node('c', 'calculate', { attributes: [{ name: 'x', expression: '1' }] }), node('o', 'output', { attributes: ['x'] }, 'result')], ['in->c', 'c->o']);

describe('the flow engine', () => {
  it('has an executor for every declared node type', () => {
    expect(Object.keys(EXECUTORS).sort()).toEqual(NODE_TYPES.map((declaration) => declaration.type).sort());
  });

  it('compiles a flow once per revision and again after it changes', async () => {
    const harness = engineHarness({ flows: [simple] });
    const first = harness.engine.compile(harness.stores.flows.get('App', 'F'));
    expect(harness.engine.compile(harness.stores.flows.get('App', 'F'))).toBe(first);
    const changed = actionflowSchema.parse({ ...simple, nodes: simple.nodes.map((n) => (n.id === 'c' ? { ...n, config: { attributes: [{ name: 'x', expression: '2' }] } } : n)) });
    harness.stores.flows.update('App', 'F', changed);
    const second = harness.engine.compile(harness.stores.flows.get('App', 'F'));
    expect(second).not.toBe(first);
    expect(second.revision).toBe(2);
    expect((await harness.run('F')).data.result).toEqual([{ x: 2 }]);
  });

  it('refuses to run a stored flow with problems, saying why', () => {
    const harness = engineHarness({ flows: [simple] });
    const stored = harness.stores.flows.get('App', 'F');
    const broken = { ...stored, revision: 99, flow: { ...stored.flow, nodes: [...stored.flow.nodes, { id: 'z', type: 'teleport', name: 'Z', position: { x: 0, y: 0 }, config: {} }] } };
    expect(harness.engine.compile(broken).problems[0]!.message).toBe('unknown node type "teleport"');
  });
});

describe('the run manager', () => {
  it('gives each run a UUID v4 process id and a log that starts with the request', async () => {
    const harness = engineHarness({ flows: [simple] });
    const logs: MemoryRunLog[] = [];
    const runs = new RunManager(harness.engine, (entry) => logs[logs.push(new MemoryRunLog(entry)) - 1]!, systemClock);
    const flowVersion = harness.engine.compile(harness.stores.flows.get('App', 'F'));
    const handle = runs.start({ flow: flowVersion, request: request({ headers: { authorization: 'Bearer k' } }), method: 'POST', bytes: 0, user: 'system', mode: 'sync', deadlineMs: 5000 });
    expect(handle.processId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    const outcome = await handle.outcome;
    expect(outcome.status).toBe('finished');
    expect(logs[0]!.entry).toMatchObject({ processId: handle.processId, application: 'App', actionflow: 'F', user: 'system', mode: 'sync' });
    expect(logs[0]!.messages[0]).toMatchObject({ kind: 'Request', details: { method: 'POST', headers: { authorization: '****' } } });
  });

  it('aborts a run at its deadline, and one stopped, and counts it running until its work has unwound', async () => {
    const service = await localHttpServer(() => {
      // Never answers.
    });
    const harness = engineHarness({ flows: [flow('Slow', [node('in', 'apiInput'), node('h', 'http', { url: `${service.url}/\${body}` }), node('o', 'output', {}, 'r')], ['in->h', 'h->o'])] });
    const runs = new RunManager(harness.engine, () => new MemoryRunLog(), systemClock);
    const slow = harness.engine.compile(harness.stores.flows.get('App', 'Slow'));
    const start = (name: string, deadlineMs: number) => runs.start({ flow: slow, request: request({ body: name }), method: 'GET', bytes: 0, user: 'system', mode: 'sync', deadlineMs });

    expect(await start('first', 50).outcome).toEqual({ status: 'aborted', reason: 'timeout' });
    await expect.poll(() => runs.running, { timeout: 10_000 }).toBe(0);
    const stopped = start('second', 60_000);
    expect(runs.running).toBe(1);
    await expect.poll(() => service.seen.find((seen) => seen.url === '/second'), { timeout: 10_000 }).toBeDefined();
    expect(runs.stop(stopped.processId)).toBe(true);
    expect(await stopped.outcome).toEqual({ status: 'aborted', reason: 'stopped' });
    await expect.poll(() => runs.running, { timeout: 10_000 }).toBe(0);
    expect(runs.stop(stopped.processId)).toBe(false);
    expect(await service.seen.find((seen) => seen.url === '/second')!.abandoned).toBe(true);
  });
});
