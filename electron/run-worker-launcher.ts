import { utilityProcess } from 'electron';
import type { WorkerHandle, WorkerLauncher } from '../server/index.js';

/**
 * Starts run workers as Electron utility processes (DESIGN §10): the packaged app cannot run
 * Electron as plain Node, so `child_process.fork` is not available to it. A utility process
 * runs the same worker script and talks over `parentPort`.
 */
export const utilityWorker: WorkerLauncher = (spec) => {
  const child = utilityProcess.fork(spec.entry, spec.args, {
    execArgv: [`--max-old-space-size=${spec.memoryMb}`],
    stdio: ['ignore', 'inherit', 'pipe'],
    serviceName: 'Actionflow run worker',
  });
  child.stderr?.setEncoding('utf8');
  let alive = true;
  const handle: WorkerHandle = {
    send: (message) => {
      if (alive) child.postMessage(message);
    },
    onMessage: (listener) => child.on('message', listener),
    onExit: (listener) =>
      child.on('exit', (code) => {
        alive = false;
        listener(code, null);
      }),
    onStderr: (listener) => child.stderr?.on('data', listener),
    kill: () => {
      child.kill();
    },
    release: () => {
      child.kill();
    },
  };
  return handle;
};
