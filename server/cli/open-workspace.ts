import { existsSync, readdirSync, rmdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { systemClock } from '../clock.js';
import { DATABASE_FILE, ensureDataDir, KEYSTORE_FILE, resolveDataDir } from '../storage/data-folder.js';
import { openDatabase } from '../storage/database.js';
import { createStores, type Stores } from '../storage/stores.js';

/** What a command may create in a data folder that did not hold a workspace yet. */
const CREATED_FILES = [DATABASE_FILE, `${DATABASE_FILE}-wal`, `${DATABASE_FILE}-shm`, KEYSTORE_FILE];

/** Opens the data folder's studio.db for one CLI command; the caller closes `stores.db`. */
export function openWorkspace(dataOption: string | undefined): { dataDir: string; stores: Stores } {
  const dataDir = resolveDataDir(dataOption);
  ensureDataDir(dataDir);
  return { dataDir, stores: createStores(openDatabase(join(dataDir, DATABASE_FILE)), systemClock) };
}

/**
 * Runs `work` on the opened workspace and always closes it. When the command fails on a data
 * folder that held no workspace, what opening it created is removed again, so a refused command
 * leaves nothing behind.
 */
export async function withWorkspace<T>(dataOption: string | undefined, work: (stores: Stores, dataDir: string) => T | Promise<T>): Promise<T> {
  const wanted = resolveDataDir(dataOption);
  const newFolder = !existsSync(wanted);
  const newFiles = CREATED_FILES.filter((name) => !existsSync(join(wanted, name)));
  const { dataDir, stores } = openWorkspace(dataOption);
  let failed = true;
  try {
    const result = await work(stores, dataDir);
    failed = false;
    return result;
  } finally {
    stores.db.close();
    if (failed && newFiles.includes(DATABASE_FILE)) {
      for (const name of newFiles) rmSync(join(dataDir, name), { force: true });
      if (newFolder && readdirSync(dataDir).length === 0) rmdirSync(dataDir);
    }
  }
}
