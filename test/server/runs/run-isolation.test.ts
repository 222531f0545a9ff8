import { describe, expect, it } from 'vitest';
import { admin } from '../../support/running-server.js';
import { flow, node, post, send, trigger } from '../api/api-fixtures.js';
import { isolatedServer, within } from './run-fixtures.js';

/**
 * Attacks on the run path (DESIGN §10), each against the real server with its run workers: the
 * run may fail, but the caller gets a reply within its timeout plus a second, the others are
 * answered, no run is left Running, and the console says why. Waits are bounded at ten times the
 * design's figures, to catch a hang; nothing here measures speed.
 */

/** A flow whose one calculate computes `expression` from the request, returned at output `result`. */
const computing = (name: string, expression: string) =>
  flow(
    name,
    [
      node('in', 'apiInput'),
      node('c', 'calculate', { attributes: [{ name: 'value', expression }] }, 'Compute'),
      node('o', 'output', { attributes: ['value'] }, 'result'),
    ],
    ['in->c', 'c->o'],
  );

const echo = flow('Echo', [node('in', 'apiInput'), node('o', 'output', { attributes: ['body'] }, 'result')], ['in->o']);

/** The console entry of a run, once it has ended. */
async function endedEntry(server: Awaited<ReturnType<typeof isolatedServer>>, processId: string) {
  let entry: { status: string; reason: string | null; id: number } | undefined;
  await expect
    .poll(
      async () => {
        const page = await admin(server, 'GET', `/console/entries?q=${processId}`);
        entry = page.body.entries[0];
        return entry?.status;
      },
      { timeout: 20_000 },
    )
    .not.toBe('Running');
  return entry!;
}

describe('a run cannot take the server down (DESIGN §10)', () => {
  it('fails a run whose $pad would build a string of hundreds of megabytes, naming the budget, and keeps serving', async () => {
    const server = await isolatedServer({ App: { actionflows: [computing('Pad', "$length($pad('', $number($queryParams(url).n), 'x'))"), echo] } });
    const reply = await within(20_000, 'the reply', send(server.url, trigger('App', 'Pad', '?n=200000000'), { method: 'GET' }));
    expect(reply.status).toBe(500);
    expect(reply.body.message).toMatch(/more than 16777216 \(the maxValueBytes setting\)/);
    expect((await endedEntry(server, reply.body.processId)).status).toBe('Fail');
    expect((await post(server.url, 'App', 'Echo', 'still here')).status).toBe(200);
  });

  it('fails a run that doubles a string with & until it is too large, naming the budget', async () => {
    const server = await isolatedServer({ App: { actionflows: [computing('Double', '$length($reduce([1..25], function($a, $b) { $a & $a }, "xxxxxxxx"))')] } });
    const reply = await within(20_000, 'the reply', post(server.url, 'App', 'Double', {}));
    expect(reply.status).toBe(500);
    expect(reply.body.message).toMatch(/the maxValueBytes setting/);
  });

  it('fails a split of a million records with the records budget, and answers a split under its deadline with 504 when the budget allows it', async () => {
    const splitting = flow(
      'Split',
      [
        node('in', 'apiInput'),
        node('s', 'split', { expression: '[1..$number($queryParams(url).n)]' }),
        node('c', 'calculate', { attributes: [{ name: 'double', expression: 'item * 2' }] }),
        node('a', 'aggregate', {}),
        node('o', 'output', {}, 'result'),
      ],
      ['in->s', 's->c', 'c->a', 'a->o'],
    );
    const server = await isolatedServer({ App: { actionflows: [splitting] } });
    const overBudget = await within(20_000, 'the reply', send(server.url, trigger('App', 'Split', '?n=1000000&timeout=2000'), { method: 'GET' }));
    expect(overBudget.status).toBe(500);
    expect(overBudget.body.message).toBe('the run holds more than 100000 records at once (the maxRunRecords setting)');

    await admin(server, 'PATCH', '/settings', { maxRunRecords: 10_000_000 });
    const timedOut = await within(20_000, 'the reply', send(server.url, trigger('App', 'Split', '?n=1000000&timeout=300'), { method: 'GET' }));
    expect(timedOut.status).toBe(504);
    expect(timedOut.body).toMatchObject({ status: 'Aborted', message: 'timed out after 300 ms' });
    expect((await endedEntry(server, timedOut.body.processId)).status).toBe('Aborted');
  });

  it('answers 504 to a flow that calls itself ten times over at every level', async () => {
    const recursive = flow(
      'Fan Out',
      [
        node('in', 'apiInput'),
        node('s', 'split', { expression: '[1..10]' }),
        node('f', 'callFlow', { application: 'App', actionflow: 'Fan Out' }),
        node('o', 'output', {}, 'result'),
      ],
      ['in->s', 's->f', 'f->o'],
    );
    const server = await isolatedServer({ App: { actionflows: [recursive, echo] } });
    const reply = await within(20_000, 'the reply', post(server.url, 'App', 'Fan Out', {}, '?timeout=500'));
    expect(reply.status).toBe(504);
    expect((await post(server.url, 'App', 'Echo', 'still here')).status).toBe(200);
  });

  it('matches a regular expression that backtracks catastrophically elsewhere in linear time, and refuses lookahead as an invalid expression', async () => {
    const server = await isolatedServer({
      App: { actionflows: [computing('Regex', '$contains($parseJson(body).s, /^(a+)+$/)'), computing('Lookahead', '$contains(body, /a(?=b)/)')] },
    });
    const reply = await within(20_000, 'the reply', post(server.url, 'App', 'Regex', { s: `${'a'.repeat(32)}!` }));
    expect(reply.status).toBe(200);
    expect(reply.body.data.result).toEqual([{ value: false }]);
    const lookahead = await post(server.url, 'App', 'Lookahead', 'ab');
    expect(lookahead.status).toBe(500);
    expect(lookahead.body.message).toMatch(/attribute "value" is not a valid expression: regular expression \/a\(\?=b\)\/ cannot be used: it uses lookahead/);
  });

  it('fails a record whose JSON nests 100,000 deep, and the run ends Fail in poll and the console', async () => {
    const server = await isolatedServer({ App: { actionflows: [computing('Parse', '$parseJson(body)')] } });
    const reply = await within(20_000, 'the reply', send(server.url, trigger('App', 'Parse'), { body: `${'['.repeat(100_000)}${']'.repeat(100_000)}` }));
    expect(reply.status).toBe(500);
    expect(reply.body.message).toMatch(/nests arrays and objects more than 512 deep/);
    const poll = await send(server.url, `/phixflow/api/1/action/App/Parse/poll/${reply.body.processId}`, { method: 'GET' });
    expect(poll.body.status).toBe('Fail');
    expect((await endedEntry(server, reply.body.processId)).status).toBe('Fail');
  });

  it('kills a worker that a built-in holds past the deadline: 504 for its run, and the next call is answered by a new worker', async () => {
    const server = await isolatedServer({ App: { actionflows: [computing('Busy', '$length($replace($pad("", 12000000, "a"), /a/, "b"))'), echo] } }, {}, 1);
    const reply = await within(20_000, 'the reply', post(server.url, 'App', 'Busy', {}, '?timeout=200'));
    expect(reply.status).toBe(504);
    expect(reply.body).toMatchObject({ status: 'Aborted', message: 'timed out after 200 ms' });
    expect((await endedEntry(server, reply.body.processId)).status).toBe('Aborted');
    expect((await within(20_000, 'a call after the kill', post(server.url, 'App', 'Echo', 'still here'))).status).toBe(200);
  });

  it('answers 500 "the worker ran out of memory" to a run that exhausts its worker, and a new worker takes its place', async () => {
    const server = await isolatedServer(
      { App: { actionflows: [computing('Hog', '$count($map([1..400], function($i) { $uppercase($pad("", 4000000, "x") & $string($i)) }))'), echo] } },
      { workerMemoryMb: 128, expressionTimeoutMs: 60_000 },
      1,
    );
    const reply = await within(30_000, 'the reply', post(server.url, 'App', 'Hog', {}));
    expect(reply.status).toBe(500);
    expect(reply.body).toMatchObject({ status: 'Fail', message: 'the worker ran out of memory' });
    expect((await endedEntry(server, reply.body.processId)).reason).toBe('the worker ran out of memory');
    expect((await within(20_000, 'a call after the crash', post(server.url, 'App', 'Echo', 'still here'))).status).toBe(200);
  });
});
