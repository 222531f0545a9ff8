// The Electron main process (ESM). The preload is preload.cts, built to preload.cjs beside this file.
import { app } from 'electron';
import { runDesktopApp } from './desktop-app.js';

// Ctrl+C in the terminal that ran `npm start` quits like the menu does: the server stops first.
// Repeated signals just wait for that quit (app.quit is idempotent while the server stops).
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => app.quit());

runDesktopApp().catch((error: unknown) => {
  console.error('Actionflow Studio failed to start:', error);
  app.exit(1);
});
