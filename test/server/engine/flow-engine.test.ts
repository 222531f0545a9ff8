import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { NODE_TYPES } from '../../../shared/node-types/registry.js';
import { actionflowSchema } from '../../../shared/schemas/actionflow.schema.js';
import { EXECUTORS, type ExecutorRegistry } from '../../../server/engine/executors/executor-registry.js';
import { MemoryRunLog } from '../../../server/engine/run-log.js';
import { DEFAULT_RUN_BUDGETS } from '../../../server/engine/run-budgets.js';
import type { RunJob } from '../../../server/runs/run-job.js';
import { RunPerformer } from '../../../server/runs/run-performer.js';
import { engineHarness, flow, node, request } from './engine-harness.js';
import { localHttpServer } from './local-http-server.js';

const simple = flow(
  'F',
  [node('in', 'apiInput'), node('c', 'calculate', { attributes: [{ name: 'x', expression: '1' }] }), node('o', 'output', { attributes: ['x'] }, 'result')],
  ['in->c', 'c->o'],
);

describe('the flow engine', () => {
  it('has an executor for every declared node type', () => {
    expect(Object.keys(EXECUTORS).sort()).toEqual(NODE_TYPES.map((declaration) => declaration.type).sort());
  });

  it('runs a flow on the executors it is given, so the engine can be tested on fakes', async () => {
    const calls: string[] = [];
    const executors = {
      ...EXECUTORS,
      calculate: {
        prepare: (declared) => ({
          each(record, _run, emit) {
            calls.push(declared.name);
            emit('out', { ...record, x: 'from the fake' });
          },
        }),
      },
    } satisfies ExecutorRegistry;
    const harness = engineHarness({ flows: [simple], executors });
    expect((await harness.run('F')).data.result).toEqual([{ x: 'from the fake' }]);
    expect(calls).toEqual(['c']);
  });

  it('compiles a flow once per revision and again after it changes', async () => {
    const harness = engineHarness({ flows: [simple] });
    const first = harness.engine.compile(harness.stores.flows.get('App', 'F'));
    expect(harness.engine.compile(harness.stores.flows.get('App', 'F'))).toBe(first);
    const changed = actionflowSchema.parse({
      ...simple,
      nodes: simple.nodes.map((n) => (n.id === 'c' ? { ...n, config: { attributes: [{ name: 'x', expression: '2' }] } } : n)),
    });
    harness.stores.flows.update('App', 'F', changed);
    const second = harness.engine.compile(harness.stores.flows.get('App', 'F'));
    expect(second).not.toBe(first);
    expect(second.revision).toBe(2);
    expect((await harness.run('F')).data.result).toEqual([{ x: 2 }]);
  });

  it('refuses to run a stored flow with problems, saying why', () => {
    const harness = engineHarness({ flows: [simple] });
    const stored = harness.stores.flows.get('App', 'F');
    const broken = {
      ...stored,
      revision: 99,
      flow: { ...stored.flow, nodes: [...stored.flow.nodes, { id: 'z', type: 'teleport', name: 'Z', position: { x: 0, y: 0 }, config: {} }] },
    };
    expect(harness.engine.compile(broken).problems[0]!.message).toBe('unknown node type "teleport"');
  });
});

/** The job of a run of flow `name` of App, due `deadlineMs` from now. */
function jobFor(harness: ReturnType<typeof engineHarness>, name: string, deadlineMs: number, overrides: Partial<RunJob> = {}): RunJob {
  const stored = harness.stores.flows.get('App', name);
  return {
    processId: randomUUID(),
    flowId: stored.id,
    revision: stored.revision,
    application: 'App',
    actionflow: name,
    mode: 'sync',
    user: 'system',
    method: 'POST',
    bytes: 0,
    request: request(),
    deadlineAt: Date.now() + deadlineMs,
    allowedMs: deadlineMs,
    budgets: DEFAULT_RUN_BUDGETS,
    ...overrides,
  };
}

describe('performing a run', () => {
  it('answers with the reply to send, and masks the credentials of the request in what the run writes', async () => {
    const echoing = flow('Echo', [node('in', 'apiInput'), node('d', 'debug', { expression: 'headers' }), node('o', 'output', {}, 'result')], ['in->d', 'd->o']);
    const harness = engineHarness({ flows: [simple, echoing] });
    const job = jobFor(harness, 'F', 5000);
    const answer = await new RunPerformer(harness.engine).start(job, new MemoryRunLog()).answer;
    expect(answer.reply.status).toBe(200);
    expect(JSON.parse(answer.reply.body)).toEqual({ status: 'Success', processId: job.processId, data: { result: [{ x: 1 }] } });

    const log = new MemoryRunLog();
    const performed = new RunPerformer(harness.engine).start(
      jobFor(harness, 'Echo', 5000, { request: request({ headers: { cookie: 'session=abcdefgh12345' } }) }),
      log,
    );
    await performed.answer;
    expect(JSON.stringify(log.messages)).not.toContain('abcdefgh12345');
    expect(performed.credentials()).toContain('abcdefgh12345');
  });

  it('aborts a run at its deadline, and one stopped, cancelling what it waits for', async () => {
    const service = await localHttpServer(() => {
      // Never answers.
    });
    const harness = engineHarness({
      flows: [flow('Slow', [node('in', 'apiInput'), node('h', 'http', { url: `${service.url}/\${body}` }), node('o', 'output', {}, 'r')], ['in->h', 'h->o'])],
    });
    const performer = new RunPerformer(harness.engine);

    const timedOut = await performer.start(jobFor(harness, 'Slow', 50, { request: request({ body: 'first' }) }), new MemoryRunLog()).answer;
    expect(timedOut).toMatchObject({ status: 'Aborted', reason: 'timed out after 50 ms', reply: { status: 504 } });
    const stopped = performer.start(jobFor(harness, 'Slow', 60_000, { request: request({ body: 'second' }) }), new MemoryRunLog());
    await expect.poll(() => service.seen.find((seen) => seen.url === '/second'), { timeout: 10_000 }).toBeDefined();
    stopped.abort('stopped');
    expect(await stopped.answer).toMatchObject({ status: 'Aborted', reason: 'stopped', reply: { status: 503 } });
    expect(await service.seen.find((seen) => seen.url === '/second')!.abandoned).toBe(true);
  });

  it('fails a run that no longer exists, saying so', async () => {
    const harness = engineHarness({ flows: [simple] });
    const answer = await new RunPerformer(harness.engine).start(jobFor(harness, 'F', 5000, { flowId: 999 }), new MemoryRunLog()).answer;
    expect(answer).toMatchObject({ status: 'Fail', reply: { status: 500 }, reason: 'actionflow "F" of application "App" no longer exists' });
  });
});
