import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { DEFAULT_SETTINGS } from '../../shared/schemas/settings.schema.js';
import { DATABASE_FILE } from '../storage/data-folder.js';

/**
 * Rejects with the listen error (EADDRINUSE, EACCES, ...) when `serve` could not listen, before it
 * creates or seeds anything: a new data folder would otherwise be made for a server that never
 * starts. The port of an existing workspace is its setting, checked when the server listens.
 */
export async function probeServePort(host: string, port: number | undefined, dataDir: string): Promise<void> {
  if (port === 0 || (port === undefined && existsSync(join(dataDir, DATABASE_FILE)))) return;
  const probe = createServer();
  await new Promise<void>((resolve, reject) => {
    probe.once('error', reject);
    probe.listen(port ?? DEFAULT_SETTINGS.port, host, () => probe.close(() => resolve()));
  });
}
