import { eachOf, MessageBatch } from './message-batch.js';
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

/** The channel this process was started with; messages go both ways in batches (`MessageBatch`). */
export function workerChannel(): WorkerChannel {
  const parentPort = (process as { parentPort?: ParentPort }).parentPort;
  if (parentPort) {
    const outgoing = new MessageBatch<FromWorker>((messages) => parentPort.postMessage(messages));
    return {
      send: (message) => outgoing.send(message),
      onMessage: (listener) => {
        const each = eachOf(listener);
        parentPort.on('message', (event) => each(event.data));
      },
      // A utility process is ended by its parent; nothing to watch.
      onClose: () => undefined,
    };
  }
  if (!process.send) throw new Error('a run worker must be started by the server (it talks to it over IPC)');
  const outgoing = new MessageBatch<FromWorker>((messages) => {
    // The front may have let the worker go meanwhile (a server stopped as it started).
    if (process.connected) process.send!(messages, undefined, undefined, () => undefined);
  });
  return {
    send: (message) => outgoing.send(message),
    onMessage: (listener) => process.on('message', eachOf(listener)),
    onClose: (listener) => process.on('disconnect', listener),
  };
}
