#!/usr/bin/env node
// `npm start`: builds what is out of date, then opens the desktop app in Electron. Where the
// Electron binary is not installed (offline installs, CI) it says why and serves the browser
// designer instead, on the same data folder.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, realpathSync, statSync } from 'node:fs';
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

/**
 * How to open the app: `{ kind: 'electron', path }` when the Electron binary is there, else
 * `{ kind: 'browser', reason }`. Checks for the binary before asking the electron package,
 * which would otherwise try to download it (and hang offline).
 */
export function chooseLauncher({
  env = process.env,
  exists = existsSync,
  resolveElectronDir = () => dirname(createRequire(import.meta.url).resolve('electron/package.json')),
  requireElectron = () => createRequire(import.meta.url)('electron'),
} = {}) {
  let electronDir;
  try {
    electronDir = resolveElectronDir();
  } catch {
    return { kind: 'browser', reason: 'the electron package is not installed (it is a development dependency: npm install --include=dev)' };
  }
  if (!env.ELECTRON_OVERRIDE_DIST_PATH && !exists(join(electronDir, 'path.txt'))) {
    return { kind: 'browser', reason: 'the Electron binary is not installed (its download was skipped or failed: run `npx install-electron` to fetch it)' };
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
  const launcher = chooseLauncher();
  if (launcher.kind === 'electron') {
    // The app folder, not main.js, so Electron reads package.json (name, version, "main": dist/electron/main.js).
    const env = { ...process.env };
    delete env.ELECTRON_RUN_AS_NODE;
    return runAttached(launcher.path, [ROOT, ...args], env);
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
