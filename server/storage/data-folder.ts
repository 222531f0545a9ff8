import { chmodSync, mkdirSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { StorageError } from '../errors/storage.error.js';

/** The data folder: `--data DIR`, else `ACTIONFLOW_DATA`, else `~/.actionflow-studio` (DESIGN §7). */
export function resolveDataDir(option?: string, env: NodeJS.ProcessEnv = process.env): string {
  return resolve(option || env.ACTIONFLOW_DATA || join(homedir(), '.actionflow-studio'));
}

export const DATABASE_FILE = 'studio.db';
export const KEYSTORE_FILE = 'keystore.json';

/** The database's files: request bodies and replies live in them, so only the owner may read them. */
const DATABASE_FILES = [DATABASE_FILE, `${DATABASE_FILE}-wal`, `${DATABASE_FILE}-shm`];

/** Prints a warning about the data folder on stderr, as every command prints its warnings. */
export const printWarning = (line: string): void => console.error(`actionflow: warning: ${line}`);

/**
 * Makes the data folder ready (DESIGN §7): creates it owner-only (0700) when absent; warns when an
 * existing one can be listed by other accounts (it is the user's folder, so it is left as it is);
 * tightens `studio.db` and its `-wal` and `-shm` files to 0600 when others could read them, with a
 * warning. A path that is not a folder is refused with a message naming it.
 */
export function ensureDataDir(dataDir: string, warn: (line: string) => void = printWarning): void {
  const existing = statOf(dataDir);
  if (existing && !existing.isDirectory()) throw notAFolder(dataDir);
  if (!existing) {
    try {
      mkdirSync(dataDir, { recursive: true, mode: 0o700 });
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOTDIR' || code === 'EEXIST') throw notAFolder(dataDir);
      throw new StorageError(
        `cannot create the data folder ${dataDir} (${code ?? (error as Error).message}); choose another with --data or ACTIONFLOW_DATA`,
        dataDir,
      );
    }
    return;
  }
  if ((existing.mode & 0o077) !== 0) {
    warn(`the data folder ${dataDir} is open to other accounts on this machine (mode ${modeText(existing.mode)}); \`chmod 700 ${dataDir}\` keeps them out`);
  }
  for (const name of DATABASE_FILES) {
    const file = join(dataDir, name);
    const stat = statOf(file);
    if (!stat?.isFile() || (stat.mode & 0o077) === 0) continue;
    chmodSync(file, 0o600);
    warn(`${file} could be read by other accounts (mode ${modeText(stat.mode)}); it is now 0600`);
  }
}

function statOf(path: string) {
  try {
    return statSync(path);
  } catch {
    return undefined;
  }
}

function notAFolder(dataDir: string): StorageError {
  return new StorageError(`${dataDir} is not a folder; point --data (or ACTIONFLOW_DATA) at a folder`, dataDir);
}

function modeText(mode: number): string {
  return `0${(mode & 0o777).toString(8)}`;
}
