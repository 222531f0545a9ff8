import { existsSync, mkdirSync, readdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it, vi } from 'vitest';
import { SQLITE_ADDON_ENV } from '../../electron/command-line.js';
import { tempDir } from '../support/temp-dir.js';

type Launcher = { kind: 'electron'; path: string } | { kind: 'browser'; reason: string };
interface LauncherProbes {
  env?: Record<string, string | undefined>;
  exists?: (path: string) => boolean;
  resolveElectronDir?: () => string;
  requireElectron?: () => unknown;
  fetchBinary?: (electronDir: string) => string | undefined;
}
interface BuildTarget {
  output: string;
  alsoRequired: string[];
  sources: string[];
}
interface SpawnResult {
  status: number | null;
  stderr?: string;
}
type Run = (command: string, args: string[], options: { cwd: string; env: Record<string, string | undefined> }) => SpawnResult;
type DownloadRun = (command: string, args: string[], options: { timeout: number }) => SpawnResult & { error?: NodeJS.ErrnoException };
interface DownloadIo {
  env: Record<string, string | undefined>;
  exists: (path: string) => boolean;
  run: DownloadRun;
  log: (line: string) => void;
}
interface StartModule {
  SQLITE_ADDON_ENV: string;
  prepareElectronSqlite(root: string, version: string, io: { run: Run; log: (line: string) => void }): { addon?: string; reason?: string };
  chooseLauncher(probes: LauncherProbes): Launcher;
  downloadElectronBinary(electronDir: string, io: DownloadIo): string | undefined;
  staleBuildReason(root: string, targets?: BuildTarget[]): string | undefined;
  fallbackLine(reason: string): string;
}

const start = (await import(pathToFileURL(join(process.cwd(), 'bin', 'start.mjs')).href)) as StartModule;

const ELECTRON_DIR = '/project/node_modules/electron';
const BINARY = `${ELECTRON_DIR}/dist/electron`;

const NOT_DOWNLOADED = 'the Electron binary could not be downloaded (TypeError: fetch failed)';

function probes(files: string[], requireElectron: () => unknown = () => BINARY): LauncherProbes {
  return { env: {}, exists: (path) => files.includes(path), resolveElectronDir: () => ELECTRON_DIR, requireElectron, fetchBinary: () => NOT_DOWNLOADED };
}

describe('npm start: window or browser', () => {
  it('opens the window when the Electron binary is installed', () => {
    expect(start.chooseLauncher(probes([`${ELECTRON_DIR}/path.txt`, BINARY]))).toEqual({ kind: 'electron', path: BINARY });
  });

  it('downloads the binary on the first start, then opens the window', () => {
    const files: string[] = [];
    const fetchBinary = vi.fn(() => {
      files.push(`${ELECTRON_DIR}/path.txt`, BINARY);
      return undefined;
    });
    expect(start.chooseLauncher({ ...probes(files), fetchBinary })).toEqual({ kind: 'electron', path: BINARY });
    expect(fetchBinary).toHaveBeenCalledWith(ELECTRON_DIR);
  });

  it('falls back, saying why, when the binary cannot be downloaded, without asking the electron package', () => {
    const requireElectron = vi.fn(() => BINARY);
    const launcher = start.chooseLauncher(probes([], requireElectron));
    expect(launcher).toEqual({ kind: 'browser', reason: NOT_DOWNLOADED });
    // Asking it would start a download of its own, with no time limit.
    expect(requireElectron).not.toHaveBeenCalled();
  });

  it('does not download again once the binary is there', () => {
    const fetchBinary = vi.fn(() => undefined);
    start.chooseLauncher({ ...probes([`${ELECTRON_DIR}/path.txt`, BINARY]), fetchBinary });
    expect(fetchBinary).not.toHaveBeenCalled();
  });

  it('falls back when the electron package says it failed to install', () => {
    const launcher = start.chooseLauncher(
      probes([`${ELECTRON_DIR}/path.txt`], () => {
        throw new Error('Electron failed to install correctly. Please delete `node_modules/electron` and run "npx install-electron --no" manually.');
      }),
    );
    expect(launcher).toEqual({ kind: 'browser', reason: expect.stringContaining('Electron failed to install correctly') });
  });

  it('falls back when the binary the package names is not on disk', () => {
    expect(start.chooseLauncher(probes([`${ELECTRON_DIR}/path.txt`]))).toEqual({ kind: 'browser', reason: expect.stringContaining(`missing at ${BINARY}`) });
  });

  it('falls back when the electron package itself is absent (a production install)', () => {
    const launcher = start.chooseLauncher({
      env: {},
      resolveElectronDir: () => {
        throw new Error("Cannot find module 'electron/package.json'");
      },
    });
    expect(launcher).toEqual({ kind: 'browser', reason: expect.stringContaining('the electron package is not installed') });
  });

  it('trusts ELECTRON_OVERRIDE_DIST_PATH over the downloaded binary', () => {
    const launcher = start.chooseLauncher({
      ...probes(['/opt/electron/electron'], () => '/opt/electron/electron'),
      env: { ELECTRON_OVERRIDE_DIST_PATH: '/opt/electron' },
    });
    expect(launcher).toEqual({ kind: 'electron', path: '/opt/electron/electron' });
  });

  it('says why and what it does instead in one line', () => {
    const line = start.fallbackLine('the Electron binary is not installed');
    expect(line).not.toContain('\n');
    expect(line).toMatch(/cannot open the desktop window: the Electron binary is not installed; falling back to the browser designer/);
  });
});

describe('npm start: downloading the Electron binary', () => {
  const io = (run: DownloadRun, env: Record<string, string | undefined> = {}, files: string[] = []): DownloadIo & { lines: string[] } => {
    const lines: string[] = [];
    return { env, exists: (path) => files.includes(path), run, log: (line) => lines.push(line), lines };
  };

  it("runs the electron package's installer with a time limit, and is done when the binary is in place", () => {
    const run = vi.fn<DownloadRun>(() => ({ status: 0 }));
    const given = io(run, {}, [`${ELECTRON_DIR}/path.txt`]);
    expect(start.downloadElectronBinary(ELECTRON_DIR, given)).toBeUndefined();
    expect(run).toHaveBeenCalledWith(process.execPath, [`${ELECTRON_DIR}/install.js`], expect.objectContaining({ timeout: 15 * 60_000 }));
    expect(given.lines).toEqual(['actionflow: downloading the Electron binary (once; needs the network)']);
  });

  it('says the download failed, with the first line of its error, and how to try again', () => {
    const stderr = 'TypeError: fetch failed\n    at node:internal/deps/undici/undici:14976:13\n';
    const reason = start.downloadElectronBinary(
      ELECTRON_DIR,
      io(() => ({ status: 1, stderr })),
    );
    expect(reason).toBe('the Electron binary could not be downloaded (TypeError: fetch failed; run `npx install-electron` to try again)');
  });

  it('says how the installer ended when it printed nothing', () => {
    const reason = start.downloadElectronBinary(
      ELECTRON_DIR,
      io(() => ({ status: 1, stderr: '' })),
    );
    expect(reason).toContain('(its installer exited with 1;');
  });

  it('says the download took too long when the time limit stopped it', () => {
    const timedOut = Object.assign(new Error('spawnSync node ETIMEDOUT'), { code: 'ETIMEDOUT' });
    const reason = start.downloadElectronBinary(
      ELECTRON_DIR,
      io(() => ({ status: null, error: timedOut })),
    );
    expect(reason).toContain('it took more than 15 minutes');
  });

  it('does not try when ELECTRON_SKIP_BINARY_DOWNLOAD is set, and says so', () => {
    const run = vi.fn<DownloadRun>(() => ({ status: 0 }));
    const reason = start.downloadElectronBinary(ELECTRON_DIR, io(run, { ELECTRON_SKIP_BINARY_DOWNLOAD: '1' }));
    expect(reason).toContain('ELECTRON_SKIP_BINARY_DOWNLOAD is set');
    expect(run).not.toHaveBeenCalled();
  });

  it('tries when ELECTRON_SKIP_BINARY_DOWNLOAD is empty or false', () => {
    for (const value of ['', '0', 'false']) {
      const run = vi.fn<DownloadRun>(() => ({ status: 1 }));
      start.downloadElectronBinary(ELECTRON_DIR, io(run, { ELECTRON_SKIP_BINARY_DOWNLOAD: value }));
      expect(run).toHaveBeenCalledOnce();
    }
  });
});

describe('npm start: building first', () => {
  const targets: BuildTarget[] = [{ output: 'dist/out.js', alsoRequired: ['dist/extra.js'], sources: ['src', 'config.json'] }];
  const at = (seconds: number) => new Date(seconds * 1000);

  function project(): string {
    const root = tempDir();
    mkdirSync(join(root, 'src', 'nested'), { recursive: true });
    mkdirSync(join(root, 'dist'));
    for (const file of ['src/nested/a.ts', 'config.json', 'dist/out.js', 'dist/extra.js']) writeFileSync(join(root, file), '');
    for (const path of ['src/nested/a.ts', 'src/nested', 'src', 'config.json']) utimesSync(join(root, path), at(1000), at(1000));
    for (const path of ['dist/out.js', 'dist/extra.js']) utimesSync(join(root, path), at(2000), at(2000));
    return root;
  }

  it('skips the build when every output is there and newer than its sources', () => {
    expect(start.staleBuildReason(project(), targets)).toBeUndefined();
  });

  it('builds when an output is missing', () => {
    const root = project();
    rmSync(join(root, 'dist/extra.js'));
    expect(start.staleBuildReason(root, targets)).toBe('dist/extra.js is missing');
  });

  it('builds when a source deep in a folder changed after the build', () => {
    const root = project();
    utimesSync(join(root, 'src/nested/a.ts'), at(3000), at(3000));
    expect(start.staleBuildReason(root, targets)).toBe('src changed since the last build');
  });

  it('builds when a source file was added to a folder', () => {
    const root = project();
    writeFileSync(join(root, 'src', 'new.ts'), '');
    expect(start.staleBuildReason(root, targets)).toBe('src changed since the last build');
  });
});

describe('npm start: SQLite for Electron', () => {
  /** A project whose node_modules holds a better-sqlite3 already built for Node. */
  function projectWithSqlite(): string {
    const root = tempDir();
    const sqlite = join(root, 'node_modules', 'better-sqlite3');
    mkdirSync(join(sqlite, 'build', 'Release'), { recursive: true });
    mkdirSync(join(sqlite, 'lib'));
    writeFileSync(join(sqlite, 'package.json'), JSON.stringify({ name: 'better-sqlite3', version: '12.4.1' }));
    writeFileSync(join(sqlite, 'lib', 'index.js'), '');
    writeFileSync(join(sqlite, 'build', 'Release', 'better_sqlite3.node'), 'built for Node');
    return root;
  }

  /** Stands in for `npm run install`: writes the addon, as prebuild-install or node-gyp would. */
  const building: Run = (_command, _args, options) => {
    mkdirSync(join(options.cwd, 'build', 'Release'), { recursive: true });
    writeFileSync(join(options.cwd, 'build', 'Release', 'better_sqlite3.node'), 'built for Electron');
    return { status: 0 };
  };

  it('builds a copy of better-sqlite3 for Electron once, leaving the installed one for Node', () => {
    const root = projectWithSqlite();
    const run = vi.fn(building);
    const first = start.prepareElectronSqlite(root, '45.5.0', { run, log: () => undefined });
    expect(first.addon).toMatch(
      /node_modules\/\.cache\/actionflow-studio\/better-sqlite3-12\.4\.1-electron-45\.5\.0-[a-z0-9]+-[a-z0-9]+\/build\/Release\/better_sqlite3\.node$/,
    );
    const [command, args, options] = run.mock.calls[0]!;
    expect([command, args]).toEqual(['npm', ['run', 'install']]);
    expect(options.env).toMatchObject({ npm_config_runtime: 'electron', npm_config_target: '45.5.0', npm_config_disturl: 'https://electronjs.org/headers' });
    expect(start.prepareElectronSqlite(root, '45.5.0', { run, log: () => undefined })).toEqual(first);
    expect(run).toHaveBeenCalledTimes(1);
    expect(existsSync(join(root, 'node_modules', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node'))).toBe(true);
  });

  it('copies the package without its Node build, so the install script cannot take that for done', () => {
    const root = projectWithSqlite();
    let copied: string[] = [];
    start.prepareElectronSqlite(root, '45.5.0', {
      run: (_command, _args, options) => {
        copied = readdirSync(options.cwd).sort();
        return { status: 1 };
      },
      log: () => undefined,
    });
    expect(copied).toEqual(['lib', 'package.json']);
  });

  it('says why when the addon cannot be built, and leaves no half-made copy', () => {
    const root = projectWithSqlite();
    const result = start.prepareElectronSqlite(root, '45.5.0', { run: () => ({ status: 1 }), log: () => undefined });
    expect(result).toEqual({ reason: expect.stringContaining('better-sqlite3 could not be built for Electron 45.5.0') });
    expect(readdirSync(join(root, 'node_modules', '.cache', 'actionflow-studio'))).toEqual([]);
  });

  it('hands the addon to the app under the name the app reads', () => {
    expect(start.SQLITE_ADDON_ENV).toBe(SQLITE_ADDON_ENV);
  });
});
