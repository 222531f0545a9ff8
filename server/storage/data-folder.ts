import { mkdirSync } from 'node:fs';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';

/** The data folder: `--data DIR`, else `ACTIONFLOW_DATA`, else `~/.actionflow-studio` (DESIGN §7). */
export function resolveDataDir(option?: string, env: NodeJS.ProcessEnv = process.env): string {
  return resolve(option || env.ACTIONFLOW_DATA || join(homedir(), '.actionflow-studio'));
}

/** Creates the data folder (owner-only) when absent. */
export function ensureDataDir(dataDir: string): void {
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
}

export const DATABASE_FILE = 'studio.db';
export const KEYSTORE_FILE = 'keystore.json';
