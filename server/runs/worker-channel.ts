import type { FromWorker, ToWorker } from './worker-messages.js';

/** The worker's side of its link to the front: Node's IPC under `child_process.fork`, or Electron's `parentPort` under `utilityProcess.fork`. */
export interface WorkerChannel {
  send(message: FromWorker): void;
  onMessage(listener: (message: ToWorker) => void): void;
  /** The front is gone or let the worker go. */
  onClose(listener: () => void): void;
}

interface ParentPort {
  postMessage(message: unknown): void;
  on(event: 'message', listener: (event: { data: unknown }) => void): void;
}

/** The channel this process was started with. */
export function workerChannel(): WorkerChannel {
  const parentPort = (process as { parentPort?: ParentPort }).parentPort;
  if (parentPort) {
    return {
      send: (message) => parentPort.postMessage(message),
      onMessage: (listener) => parentPort.on('message', (event) => listener(event.data as ToWorker)),
      // A utility process is ended by its parent; nothing to watch.
      onClose: () => undefined,
    };
  }
  if (!process.send) throw new Error('a run worker must be started by the server (it talks to it over IPC)');
  return {
    send: (message) => {
      // The front may have let the worker go meanwhile (a server stopped as it started).
      if (process.connected) process.send!(message, undefined, undefined, () => undefined);
    },
    onMessage: (listener) => process.on('message', (message) => listener(message as ToWorker)),
    onClose: (listener) => process.on('disconnect', listener),
  };
}
