#!/usr/bin/env node
// `npm run bench:designer`: the built designer (dist/) in headless Chromium against the real server
// on a temporary data folder, timing the first render of a 300-node flow, moving a node in it, and
// the same with a run of the flow shown on it.
// See bench/README.md ("The designer").
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
import { bigFlow } from './big-flow.mjs';
import { centralNode, nextFrames, runPaintedTime, startMoveTimer, startRunTimer, stopMoveTimer, viewportTransform, whenFlowPainted } from './frame-markers.mjs';
import { mainThreadWork } from './main-thread-work.mjs';

const { values: options } = parseArgs({
  options: {
    runs: { type: 'string', default: '7' },
    moves: { type: 'string', default: '120' },
    profile: { type: 'string' },
    traces: { type: 'string' },
  },
});
const RUNS = Number(options.runs);
const MOVES = Number(options.moves);
const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const RENDERER = join(ROOT, 'dist/renderer');
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];
const FLOW = 'Three Hundred';
const log = (line) => console.error(line);

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
};
const percentile = (values, p) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
};
const ms = (value) => `${value.toFixed(1)} ms`;

/**
 * Presses the mouse on the header of the node nearest the middle of the visible canvas and moves
 * it MOVES times, waiting for the frames after each move; gives each move's time to its painted
 * frame and the main thread's work during the drag (from a Chromium trace written to `tracePath`).
 * A drag that made React Flow pan the view (the node at the canvas's edge) is refused: it would
 * time the pan.
 */
async function dragNode(browser, page, tracePath, profilePath) {
  const cdp = profilePath ? await page.context().newCDPSession(page) : undefined;
  if (cdp) {
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.start');
  }
  const nodeId = await page.evaluate(centralNode);
  const header = page.locator(`.react-flow__node[data-id="${nodeId}"] .flow-node-header`);
  const box = await header.boundingBox();
  const start = { x: box.x + box.width / 2, y: box.y + box.height / 2 };
  const view = await page.evaluate(viewportTransform);
  await page.evaluate(startMoveTimer, nodeId);
  await page.mouse.move(start.x, start.y);
  await page.mouse.down();
  await browser.startTracing(page, { path: tracePath, categories: ['toplevel', 'devtools.timeline', 'disabled-by-default-devtools.timeline'] });
  for (let step = 1; step <= MOVES; step++) {
    const angle = (step / MOVES) * Math.PI * 4;
    await page.mouse.move(start.x + 60 * Math.sin(angle), start.y + step * 0.5);
    await page.evaluate(nextFrames);
  }
  await browser.stopTracing();
  await page.mouse.up();
  const moves = await page.evaluate(stopMoveTimer);
  const work = mainThreadWork(readFileSync(tracePath, 'utf8'));
  if (cdp) {
    const { profile } = await cdp.send('Profiler.stop');
    writeFileSync(profilePath, JSON.stringify(profile));
    log(`the drag's CPU profile is in ${profilePath} (open it in Chrome DevTools' Performance panel)`);
  }
  if (moves.length < MOVES / 2) throw new Error(`only ${moves.length} of ${MOVES} moves moved the node`);
  if ((await page.evaluate(viewportTransform)) !== view) throw new Error(`dragging ${nodeId} panned the view: it was too near the canvas's edge`);
  return { moves, work };
}

/**
 * Calls the flow's endpoint once, so the console has an entry with its run, and gives the number of
 * connections that carried records in that run (read from its trace over the admin API).
 */
async function callFlow(server) {
  const called = await fetch(`${server.url}/phixflow/api/1/action/Demo/${encodeURIComponent(FLOW)}/trigger`, { method: 'POST', body: 'benchmark' });
  if (called.status !== 200) throw new Error(`the benchmark flow's endpoint replied ${called.status}: ${await called.text()}`);
  const admin = (path) => fetch(`${server.url}/_studio/api/v1${path}`, { headers: { authorization: `Bearer ${server.sessionToken}` } });
  const { entries } = await (await admin('/console/entries?limit=1')).json();
  const entry = entries.find((candidate) => candidate.actionflow === FLOW);
  if (!entry) throw new Error('the console has no entry for the benchmark flow’s call');
  const traced = await admin(`/console/entries/${entry.id}/trace`);
  if (traced.status !== 200) throw new Error(`the run's trace could not be read: ${await traced.text()}`);
  const { trace } = await traced.json();
  if (!trace) throw new Error('the benchmark flow’s run has no trace');
  const taken = Object.values(trace.connections).filter((records) => records > 0).length;
  if (taken === 0) throw new Error('the benchmark flow’s run carried no records');
  return taken;
}

async function main() {
  // Other work on the cores slows every figure: say how busy the machine was.
  const loadBefore = loadavg()
    .map((value) => value.toFixed(2))
    .join(', ');
  if (!existsSync(join(RENDERER, 'index.html'))) throw new Error('the designer is not built: run `npm run build` (npm run bench:designer does)');
  const { startServer } = await import(join(ROOT, 'dist/server/start-server.js'));
  const dataDir = mkdtempSync(join(tmpdir(), 'actionflow-designer-bench-'));
  const server = await startServer({ dataDir, port: 0, seedDemo: true, rendererDir: RENDERER });
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
  try {
    const flow = bigFlow(FLOW);
    const created = await fetch(`${server.url}/_studio/api/v1/applications/Demo/actionflows`, {
      method: 'POST',
      headers: { authorization: `Bearer ${server.sessionToken}`, 'content-type': 'application/json' },
      body: JSON.stringify(flow),
    });
    if (created.status !== 201) throw new Error(`the server refused the benchmark flow: ${await created.text()}`);
    const counts = { nodes: flow.nodes.length, edges: flow.connections.length };
    const flowUrl = `${server.designerUrl}&/apps/Demo/flows/${encodeURIComponent(FLOW)}`;

    log(`first render, loading the page at the flow's address (${RUNS} runs)…`);
    const cold = [];
    for (let run = 0; run < RUNS; run++) {
      const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
      const page = await context.newPage();
      await page.goto(flowUrl);
      cold.push(await page.evaluate(whenFlowPainted, counts));
      await context.close();
    }

    log(`first render, opening the flow from the home (${RUNS} runs)…`);
    const warm = [];
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();
    for (let run = 0; run < RUNS; run++) {
      await page.goto(server.designerUrl);
      await page.getByTestId(`flow-${FLOW}`).waitFor();
      const start = await page.evaluate(() => performance.now());
      await page.getByTestId(`flow-${FLOW}`).getByRole('link').click();
      warm.push((await page.evaluate(whenFlowPainted, counts)) - start);
    }

    log(`moving a node (${MOVES} mouse moves, each waited for)…`);
    const { moves, work } = await dragNode(browser, page, join(options.traces ?? dataDir, 'drag-trace.json'), options.profile);
    await context.close();

    log(`showing a run: choosing its console entry on the open flow (${RUNS} runs)…`);
    const taken = await callFlow(server);
    const shown = [];
    let runContext;
    let runPage;
    for (let run = 0; run < RUNS; run++) {
      // A fresh context each time, as for the first render from the address: no run shown yet.
      await runContext?.close();
      runContext = await browser.newContext({ viewport: { width: 1440, height: 900 } });
      runPage = await runContext.newPage();
      await runPage.goto(flowUrl);
      await runPage.evaluate(whenFlowPainted, counts);
      await runPage.getByRole('tab', { name: /^System Console/ }).click();
      const entry = runPage.locator('.console-entry').filter({ hasText: FLOW }).first();
      await entry.waitFor();
      await runPage.evaluate(startRunTimer, { taken });
      await entry.click();
      shown.push(await runPage.evaluate(runPaintedTime));
    }

    log(`moving a node with the run shown (${MOVES} mouse moves)…`);
    const runProfile = options.profile?.replace(/(\.cpuprofile)?$/, '-run$1');
    const { moves: runMoves, work: runWork } = await dragNode(browser, runPage, join(options.traces ?? dataDir, 'drag-run-trace.json'), runProfile);
    const stillDrawn = await runPage.locator('.flow-edge-count.is-run-taken').count();
    if (stillDrawn < taken) throw new Error(`after the drag only ${stillDrawn} of ${taken} connections show the run`);
    await runContext.close();

    const rows = [
      [
        'first render: load the page at the flow’s address, to the frame showing all 300 nodes and 313 connections',
        `median ${ms(median(cold))}, best ${ms(Math.min(...cold))}, worst ${ms(Math.max(...cold))}`,
      ],
      [
        'first render: open the flow from the home, click to that frame',
        `median ${ms(median(warm))}, best ${ms(Math.min(...warm))}, worst ${ms(Math.max(...warm))}`,
      ],
      [
        `move a node: pointer event to the painted frame (${moves.length} moves)`,
        `median ${ms(median(moves))}, p95 ${ms(percentile(moves, 95))}, worst ${ms(Math.max(...moves))}`,
      ],
      [
        'move a node: main thread busy per move (script; style, layout, paint, layers)',
        `${ms(work.busy / MOVES)} (${ms(work.script / MOVES)}; ${ms(work.rendering / MOVES)})`,
      ],
      [
        `run shown: on the open flow, choose the run’s console entry, to the frame showing its records on all ${taken} connections`,
        `median ${ms(median(shown))}, best ${ms(Math.min(...shown))}, worst ${ms(Math.max(...shown))}`,
      ],
      [
        `move a node with the run shown: pointer event to the painted frame (${runMoves.length} moves)`,
        `median ${ms(median(runMoves))}, p95 ${ms(percentile(runMoves, 95))}, worst ${ms(Math.max(...runMoves))}`,
      ],
      [
        'move a node with the run shown: main thread busy per move (script; style, layout, paint, layers)',
        `${ms(runWork.busy / MOVES)} (${ms(runWork.script / MOVES)}; ${ms(runWork.rendering / MOVES)})`,
      ],
    ];
    console.log(`\n| measure | result |\n|---|---|\n${rows.map(([name, value]) => `| ${name} | ${value} |`).join('\n')}`);
    console.log(
      `\nMachine: ${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}, Chromium ${browser.version()} headless (--disable-gpu); load average before the run ${loadBefore}.`,
    );
  } finally {
    await browser.close();
    await server.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
