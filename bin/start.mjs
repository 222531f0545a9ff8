#!/usr/bin/env node
// `npm start`: builds what is out of date, then opens the desktop app in Electron, downloading
// its binary on the first start. Where the binary cannot be had (offline, CI, or
// ELECTRON_SKIP_BINARY_DOWNLOAD set) it says why and serves the browser designer instead, on
// the same data folder.
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, readdirSync, readFileSync, realpathSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

/**
 * Each build output with the sources it is made from: tsc -b refreshes its build info whenever
 * it runs over changed sources, and vite rewrites index.html on every build.
 */
export const BUILD_TARGETS = [
  {
    output: 'dist/.tsbuildinfo/node.tsbuildinfo',
    alsoRequired: ['dist/electron/main.js', 'dist/electron/preload.cjs', 'dist/server/cli/main.js'],
    sources: ['electron', 'server', 'shared', 'tsconfig.node.json', 'tsconfig.base.json'],
  },
  {
    output: 'dist/renderer/index.html',
    alsoRequired: [],
    sources: ['renderer', 'shared', 'vite.config.ts', 'tsconfig.web.json'],
  },
];

/** The newest modification time (ms) of a file or of any file under a folder; 0 when absent. */
export function newestModification(path) {
  let stats;
  try {
    stats = statSync(path);
  } catch {
    return 0;
  }
  if (!stats.isDirectory()) return stats.mtimeMs;
  let newest = stats.mtimeMs;
  for (const entry of readdirSync(path)) {
    if (entry === 'node_modules') continue;
    newest = Math.max(newest, newestModification(join(path, entry)));
  }
  return newest;
}

/** Why `npm run build` must run first, or undefined when dist/ is complete and newer than its sources. */
export function staleBuildReason(root = ROOT, targets = BUILD_TARGETS) {
  for (const target of targets) {
    const missing = [target.output, ...target.alsoRequired].find((file) => !existsSync(join(root, file)));
    if (missing) return `${missing} is missing`;
    const built = statSync(join(root, target.output)).mtimeMs;
    const changed = target.sources.find((source) => newestModification(join(root, source)) > built);
    if (changed) return `${changed} changed since the last build`;
  }
  return undefined;
}

/** Whether an environment flag is on: set to anything but an empty string, `0` or `false`. */
function flagSet(value) {
  return value !== undefined && value !== '' && value !== '0' && value.toLowerCase() !== 'false';
}

/** How long the first download of the Electron binary may take before `npm start` gives up on it. */
export const ELECTRON_DOWNLOAD_TIMEOUT_MS = 15 * 60_000;

/**
 * Downloads the Electron binary with the electron package's own installer (`install.js`, what
 * `npx install-electron` runs): the package fetches it on first use, not on `npm install`.
 * Gives undefined once it is there, else why not. ELECTRON_SKIP_BINARY_DOWNLOAD set means no
 * download is attempted.
 */
export function downloadElectronBinary(electronDir, { env = process.env, exists = existsSync, run = spawnSync, log = console.log } = {}) {
  if (flagSet(env.ELECTRON_SKIP_BINARY_DOWNLOAD)) {
    return 'the Electron binary is not installed and ELECTRON_SKIP_BINARY_DOWNLOAD is set (unset it, or run `npx install-electron`, to fetch it)';
  }
  log('actionflow: downloading the Electron binary (once; needs the network)');
  // Its errors come as a stack trace: the reason keeps their first line.
  const result = run(process.execPath, [join(electronDir, 'install.js')], {
    stdio: ['ignore', 'inherit', 'pipe'],
    encoding: 'utf8',
    env,
    timeout: ELECTRON_DOWNLOAD_TIMEOUT_MS,
  });
  if (result.status === 0 && exists(join(electronDir, 'path.txt'))) return undefined;
  const firstLine = String(result.stderr ?? '')
    .trim()
    .split('\n')[0];
  const why =
    result.error?.code === 'ETIMEDOUT'
      ? `it took more than ${ELECTRON_DOWNLOAD_TIMEOUT_MS / 60_000} minutes`
      : firstLine || `its installer exited with ${result.status}`;
  return `the Electron binary could not be downloaded (${why}; run \`npx install-electron\` to try again)`;
}

/**
 * How to open the app: `{ kind: 'electron', path }` when the Electron binary is there (downloaded
 * first when it never was), else `{ kind: 'browser', reason }`. Looks for the binary before
 * asking the electron package, which would otherwise download it itself, without a time limit.
 */
export function chooseLauncher({
  env = process.env,
  exists = existsSync,
  resolveElectronDir = () => dirname(createRequire(import.meta.url).resolve('electron/package.json')),
  requireElectron = () => createRequire(import.meta.url)('electron'),
  fetchBinary = (electronDir) => downloadElectronBinary(electronDir, { env }),
} = {}) {
  let electronDir;
  try {
    electronDir = resolveElectronDir();
  } catch {
    return { kind: 'browser', reason: 'the electron package is not installed (it is a development dependency: npm install --include=dev)' };
  }
  if (!env.ELECTRON_OVERRIDE_DIST_PATH && !exists(join(electronDir, 'path.txt'))) {
    const failure = fetchBinary(electronDir);
    if (failure) return { kind: 'browser', reason: failure };
  }
  let path;
  try {
    path = requireElectron();
  } catch (error) {
    const message = error instanceof Error ? error.message.split('\n')[0] : String(error);
    return { kind: 'browser', reason: `the electron package cannot find its binary (${message})` };
  }
  if (typeof path !== 'string' || !exists(path)) {
    return { kind: 'browser', reason: `the Electron binary is missing at ${String(path)} (run \`npx install-electron\` to fetch it)` };
  }
  return { kind: 'electron', path };
}

/** The environment variable that tells the desktop app (run from source) which SQLite addon to load. */
export const SQLITE_ADDON_ENV = 'ACTIONFLOW_ELECTRON_SQLITE_ADDON';

/** The Electron version `npm start` runs: the override's `version` file, else the installed package's. */
export function electronVersion(env = process.env) {
  const override = env.ELECTRON_OVERRIDE_DIST_PATH && join(env.ELECTRON_OVERRIDE_DIST_PATH, 'version');
  if (override && existsSync(override)) return readFileSync(override, 'utf8').trim().replace(/^v/, '');
  return JSON.parse(readFileSync(createRequire(import.meta.url).resolve('electron/package.json'), 'utf8')).version;
}

/**
 * Where the better-sqlite3 addon for Electron is kept. The installed one is built for Node (the
 * CLI and the tests need it so), and Electron's ABI differs, so the app run from source loads
 * its own copy, built once per better-sqlite3 and Electron version.
 */
export function electronSqliteDir(root, version, platform = process.platform, arch = process.arch) {
  const sqliteVersion = JSON.parse(readFileSync(join(root, 'node_modules', 'better-sqlite3', 'package.json'), 'utf8')).version;
  return join(root, 'node_modules', '.cache', 'actionflow-studio', `better-sqlite3-${sqliteVersion}-electron-${version}-${platform}-${arch}`);
}

/**
 * `{ addon }`: better-sqlite3 built for Electron `version`, made on first use by running the
 * package's own install script (a prebuilt addon, else a compile against Electron's headers) in
 * a copy of it; `{ reason }` when that fails.
 */
export function prepareElectronSqlite(root, version, { run = spawnSync, log = console.log } = {}) {
  const dir = electronSqliteDir(root, version);
  const addon = join(dir, 'build', 'Release', 'better_sqlite3.node');
  if (existsSync(addon)) return { addon };
  const source = join(root, 'node_modules', 'better-sqlite3');
  rmSync(dir, { recursive: true, force: true });
  cpSync(source, dir, { recursive: true, filter: (path) => path !== join(source, 'build') });
  log(`actionflow: building the SQLite addon for Electron ${version} (once; needs the network)`);
  const result = run('npm', ['run', 'install'], {
    cwd: dir,
    stdio: 'inherit',
    shell: process.platform === 'win32',
    env: {
      ...process.env,
      npm_config_runtime: 'electron',
      npm_config_target: version,
      npm_config_disturl: 'https://electronjs.org/headers',
      npm_config_arch: process.arch,
      npm_config_target_arch: process.arch,
    },
  });
  if (result.status === 0 && existsSync(addon)) return { addon };
  rmSync(dir, { recursive: true, force: true });
  return { reason: `better-sqlite3 could not be built for Electron ${version} (no prebuilt addon could be fetched and compiling failed; see above)` };
}

/** The one line `npm start` prints before serving the browser designer instead of the window. */
export function fallbackLine(reason) {
  return `actionflow: cannot open the desktop window: ${reason}; falling back to the browser designer (./bin/actionflow serve)`;
}

/**
 * Runs a child on this terminal and passes each stop signal on exactly once. The child gets its
 * own process group, so Ctrl+C (sent to the terminal's whole group) does not reach it twice:
 * a second signal would cut short the server's clean shutdown.
 */
function runAttached(command, args, env = process.env) {
  return new Promise((resolveExit) => {
    const child = spawn(command, args, { stdio: 'inherit', env, detached: process.platform !== 'win32' });
    const signals = ['SIGINT', 'SIGTERM', 'SIGHUP'];
    const forward = (signal) => child.kill(signal);
    for (const signal of signals) process.on(signal, forward);
    child.on('error', (error) => {
      console.error(`actionflow: cannot run ${command}: ${error.message}`);
      resolveExit(1);
    });
    child.on('exit', (code, signal) => {
      for (const name of signals) process.off(name, forward);
      resolveExit(code ?? (signal ? 1 : 0));
    });
  });
}

async function main(args) {
  const stale = staleBuildReason();
  if (stale) {
    console.log(`actionflow: building first (${stale})`);
    const build = spawnSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'inherit', shell: process.platform === 'win32' });
    if (build.status !== 0) {
      console.error('actionflow: the build failed (see above); fix it and run `npm start` again');
      return 1;
    }
  }
  let launcher = chooseLauncher();
  if (launcher.kind === 'electron') {
    const sqlite = prepareElectronSqlite(ROOT, electronVersion());
    if (sqlite.addon) {
      // The app folder, not main.js, so Electron reads package.json (name, version, "main": dist/electron/main.js).
      const env = { ...process.env, [SQLITE_ADDON_ENV]: sqlite.addon };
      delete env.ELECTRON_RUN_AS_NODE;
      return runAttached(launcher.path, [ROOT, ...args], env);
    }
    launcher = { kind: 'browser', reason: sqlite.reason };
  }
  console.log(fallbackLine(launcher.reason));
  return runAttached(process.execPath, [join(ROOT, 'bin', 'actionflow'), 'serve', ...args]);
}

function invokedDirectly() {
  try {
    return import.meta.url === pathToFileURL(realpathSync(process.argv[1] ?? '')).href;
  } catch {
    return false;
  }
}

if (invokedDirectly()) {
  main(process.argv.slice(2)).then((code) => process.exit(code));
}
