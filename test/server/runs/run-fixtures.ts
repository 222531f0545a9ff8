import { join } from 'node:path';
import { systemClock } from '../../../server/clock.js';
import { openDatabase } from '../../../server/storage/database.js';
import { ensureDataDir } from '../../../server/storage/data-folder.js';
import { createStores } from '../../../server/storage/stores.js';
import type { RunningServer } from '../../../server/start-server.js';
import { runningServer } from '../../support/running-server.js';
import { tempDir } from '../../support/temp-dir.js';
import { addApplications } from '../api/api-fixtures.js';

type Applications = Parameters<typeof addApplications>[1];

/** The real server over a data folder holding `applications`, with `settings` stored before it starts (pool settings are read at start). */
export async function isolatedServer(applications: Applications, settings: Record<string, unknown> = {}, runWorkers = 2): Promise<RunningServer> {
  const dataDir = tempDir();
  ensureDataDir(dataDir);
  const stores = createStores(openDatabase(join(dataDir, 'studio.db')), systemClock);
  addApplications(stores, applications);
  if (Object.keys(settings).length > 0) stores.settings.update(settings);
  stores.db.close();
  return runningServer({ dataDir, runWorkers });
}

/** Waits for `promise` at most `ms`, failing the test with `what` when it takes longer (a hang, not a speed check). */
export async function within<T>(ms: number, what: string, promise: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const hang = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not happen within ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([promise, hang]);
  } finally {
    clearTimeout(timer);
  }
}
