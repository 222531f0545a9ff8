import { defineConfig } from 'vitest/config';

// Per-test limits only catch a hang: each allows several times the slowest test's time on an idle
// machine, so a loaded machine (a load average of 8 on 2 cores) still passes. Tests wait for events,
// never for a length of time.
export default defineConfig({
  test: {
    // Two test files at a time even on two cores (Vitest's default there is one), end-to-end files
    // among them (each has its own server, data folder and browser): one file's waits (a spawned
    // process, a server starting) leave a core to the other, so together they keep both busy.
    maxWorkers: 2,
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
          exclude: ['test/e2e/**'],
          environment: 'node',
          // Unit files share their worker's loaded modules instead of importing the server again
          // for each file (import time 57 s down to 9 s; the project 152-173 s down to 105-138 s).
          // Each file restores what it changes (timers, spies, environment variables) and starts
          // its own server on its own data folder. A test that fails only beside others: run it
          // with `--isolate` to see whether an earlier file left something behind.
          isolate: false,
          testTimeout: 30_000,
          hookTimeout: 30_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          // The screenshot generators refresh docs/screenshots; they run under `npm run screenshots` only.
          exclude: ['test/e2e/screenshots*.test.ts'],
          environment: 'node',
          testTimeout: 120_000,
          hookTimeout: 60_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'screenshots',
          include: ['test/e2e/screenshots*.test.ts'],
          environment: 'node',
          testTimeout: 120_000,
          hookTimeout: 60_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
