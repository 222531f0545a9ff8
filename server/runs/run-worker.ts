import { join } from 'node:path';
import { systemClock } from '../clock.js';
import { createFlowEngine } from '../engine/flow-engine.js';
import { expressionLimitsOf } from '../engine/expressions/expression-compiler.js';
import { previewExpression } from '../engine/expression-preview.js';
import { SecretVault } from '../security/secret-vault.js';
import { DATABASE_FILE } from '../storage/data-folder.js';
import { openDatabase } from '../storage/database.js';
import { KeystoreHolder } from '../storage/keystore.js';
import { createStores } from '../storage/stores.js';
import { sentAnswer } from './run-answer.js';
import { RunPerformer, type PerformedRun } from './run-performer.js';
import type { FromWorker, ToWorker } from './worker-messages.js';
import { WorkerRunLog } from './worker-run-log.js';
import { workerChannel } from './worker-channel.js';

/** How long console messages may wait in a worker before they go to the front. */
const LOG_BATCH_MS = 50;

/** How long an aborted run's answer waits for its work to unwind, so that its trace goes with it. */
const TRACE_WAIT_MS = 100;

/**
 * A run worker (DESIGN §10): a process of its own that performs runs for the front, which never
 * evaluates an expression. It opens its own connection to the data folder's studio.db (flows,
 * tables, secrets) and compiles and caches flows itself. In: one message per run, stops, and what
 * changed. Out: console messages in batches, then one `done` per run with the reply's bytes.
 */
function main(argv: string[]): void {
  const dataDir = argv[0];
  if (!dataDir) throw new Error('usage: run-worker <data folder> [sqlite addon]');
  const channel = workerChannel();
  const db = openDatabase(join(dataDir, DATABASE_FILE), argv[1] || undefined);
  const stores = createStores(db, systemClock);
  const keystore = new KeystoreHolder(dataDir);
  const secrets = new SecretVault(stores.security, stores.bus, () => keystore.current.secretEncryptionKey);
  stores.bus.subscribe((kind) => {
    if (kind === 'security') keystore.reload();
  });
  const engine = createFlowEngine(stores, secrets);
  const performer = new RunPerformer(engine);
  const runs = new Map<string, PerformedRun>();

  const waiting = new Set<WorkerRunLog>();
  let batchTimer: NodeJS.Timeout | undefined;
  const sendBatch = () => {
    batchTimer = undefined;
    const batch = [...waiting].map((log) => ({ processId: log.processId, messages: log.take() }));
    waiting.clear();
    if (batch.length > 0) send({ type: 'log', runs: batch });
  };
  const schedule = (log: WorkerRunLog) => {
    waiting.add(log);
    batchTimer ??= setTimeout(sendBatch, LOG_BATCH_MS);
  };
  const send = (message: FromWorker) => {
    try {
      channel.send(message);
    } catch (error) {
      // Details too deep or too odd to serialize: the run's end still goes out, without them.
      if (message.type === 'log') return;
      const note = { kind: 'Warning' as const, text: `messages of this run could not be sent: ${(error as Error).message}`, at: Date.now() };
      if (message.type === 'done') channel.send({ ...message, messages: [note] });
    }
  };

  const perform = (message: Extract<ToWorker, { type: 'run' }>) => {
    const { job } = message;
    const log = new WorkerRunLog(job.processId, schedule);
    const performed = performer.start(job, log);
    runs.set(job.processId, performed);
    void performed.answer
      .then((answer) => Promise.race([performed.finished, new Promise((resolve) => setTimeout(resolve, TRACE_WAIT_MS))]).then(() => answer))
      .then((answer) => {
        runs.delete(job.processId);
        waiting.delete(log);
        const { trace } = log;
        send({
          type: 'done',
          processId: job.processId,
          messages: log.take(),
          answer: sentAnswer(answer),
          counts: log.counts,
          credentials: performed.credentials(),
          ...(trace ? { trace } : {}),
        });
      });
  };

  channel.onMessage((message: ToWorker) => {
    engine.slice.begin();
    switch (message.type) {
      case 'run':
        return perform(message);
      case 'stop':
        return runs.get(message.processId)?.abort(message.reason);
      case 'changed':
        return stores.bus.notify(message.kind, 'elsewhere');
      case 'preview':
        return void previewExpression(message.request, expressionLimitsOf(stores.settings.get())).then((preview) =>
          send({ type: 'previewed', id: message.id, preview }),
        );
    }
  });
  channel.onClose(() => {
    db.close();
    process.exit(0);
  });
  send({ type: 'ready' });
}

main(process.argv.slice(2));
