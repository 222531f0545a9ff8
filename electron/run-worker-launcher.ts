import { utilityProcess } from 'electron';
import { afterLastWords, eachOf, MessageBatch, workerExecArgv, type ToWorker, type WorkerHandle, type WorkerLauncher } from '../server/index.js';

/**
 * Starts run workers as Electron utility processes (DESIGN §10): the packaged app cannot run
 * Electron as plain Node, so `child_process.fork` is not available to it. A utility process
 * runs the same worker script and talks over `parentPort`.
 */
export const utilityWorker: WorkerLauncher = (spec) => {
  const child = utilityProcess.fork(spec.entry, spec.args, {
    execArgv: workerExecArgv(spec),
    stdio: ['ignore', 'inherit', 'pipe'],
    serviceName: 'Actionflow run worker',
  });
  child.stderr?.setEncoding('utf8');
  let alive = true;
  const outgoing = new MessageBatch<ToWorker>((messages) => {
    if (alive) child.postMessage(messages);
  });
  const handle: WorkerHandle = {
    send: (message) => outgoing.send(message),
    onMessage: (listener) => child.on('message', eachOf(listener)),
    onExit: (listener) =>
      child.on('exit', (code) => {
        alive = false;
        outgoing.clear();
        afterLastWords(child.stderr, () => listener(code, null));
      }),
    onStderr: (listener) => child.stderr?.on('data', listener),
    kill: () => {
      child.kill();
    },
    release: () => {
      outgoing.flush();
      child.kill();
    },
  };
  return handle;
};
