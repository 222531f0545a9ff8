// The Electron main process (ESM). The preload is preload.cts, built to preload.cjs beside this file.
import { app } from 'electron';
import { runDesktopApp } from './desktop-app.js';

runDesktopApp().catch((error: unknown) => {
  console.error('Actionflow Studio failed to start:', error);
  app.exit(1);
});
