/** The server's public face: what the desktop shell and tests start it with. */
export { createApp } from './app.js';
export type { AppDeps } from './app-deps.js';
export { startServer, type RunningServer, type StartServerOptions } from './start-server.js';
export { resolveDataDir } from './storage/data-folder.js';
export { StorageError } from './errors/storage.error.js';
export { DESIGNER_CSP } from './designer-routes.js';
export { afterLastWords, workerExecArgv, type WorkerHandle, type WorkerLauncher } from './runs/worker-launcher.js';
export { eachOf, MessageBatch } from './runs/message-batch.js';
export type { ToWorker } from './runs/worker-messages.js';
