import { join } from 'node:path';
import { systemClock } from '../clock.js';
import { DATABASE_FILE, ensureDataDir, resolveDataDir } from '../storage/data-folder.js';
import { openDatabase } from '../storage/database.js';
import { createStores, type Stores } from '../storage/stores.js';

/** Opens the data folder's studio.db for one CLI command; the caller closes `stores.db`. */
export function openWorkspace(dataOption: string | undefined): { dataDir: string; stores: Stores } {
  const dataDir = resolveDataDir(dataOption);
  ensureDataDir(dataDir);
  return { dataDir, stores: createStores(openDatabase(join(dataDir, DATABASE_FILE)), systemClock) };
}

/** Runs `work` on the opened workspace and always closes it. */
export async function withWorkspace<T>(dataOption: string | undefined, work: (stores: Stores, dataDir: string) => T | Promise<T>): Promise<T> {
  const { dataDir, stores } = openWorkspace(dataOption);
  try {
    return await work(stores, dataDir);
  } finally {
    stores.db.close();
  }
}
