import { defineConfig } from 'vitest/config';

// Per-test limits only catch a hang: each allows several times the slowest test's time on an idle
// machine, so a loaded machine (a load average of 8 on 2 cores) still passes. Tests wait for events,
// never for a length of time.
export default defineConfig({
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
          exclude: ['test/e2e/**'],
          environment: 'node',
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
          fileParallelism: false,
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
