import type { PreferenceStore } from '../../electron/preferences.js';
import { startServer } from '../../server/index.js';
import { tempDir } from '../support/temp-dir.js';

/** A fresh data folder whose port setting is `port` (its studio.db exists, so no demo is seeded). */
export async function dataFolderOnPort(port: number): Promise<string> {
  const dataDir = tempDir();
  const server = await startServer({ dataDir, port: 0, runWorkers: 1 });
  server.stores.settings.update({ port });
  await server.close();
  return dataDir;
}

/** electron-store's get/set over a map the test can look into. */
export function memoryPreferenceStore(values: Record<string, unknown> = {}) {
  const map = new Map(Object.entries(values));
  const store = { get: (key: string) => map.get(key), set: (key: string, value: unknown) => map.set(key, value) } as PreferenceStore;
  return { map, store };
}
