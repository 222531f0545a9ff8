import { mkdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it, vi } from 'vitest';
import { tempDir } from '../support/temp-dir.js';

type Launcher = { kind: 'electron'; path: string } | { kind: 'browser'; reason: string };
interface LauncherProbes {
  env?: Record<string, string | undefined>;
  exists?: (path: string) => boolean;
  resolveElectronDir?: () => string;
  requireElectron?: () => unknown;
}
interface BuildTarget {
  output: string;
  alsoRequired: string[];
  sources: string[];
}
interface StartModule {
  chooseLauncher(probes: LauncherProbes): Launcher;
  staleBuildReason(root: string, targets?: BuildTarget[]): string | undefined;
  fallbackLine(reason: string): string;
}

const start = (await import(pathToFileURL(join(process.cwd(), 'bin', 'start.mjs')).href)) as StartModule;

const ELECTRON_DIR = '/project/node_modules/electron';
const BINARY = `${ELECTRON_DIR}/dist/electron`;

function probes(files: string[], requireElectron: () => unknown = () => BINARY): LauncherProbes {
  return { env: {}, exists: (path) => files.includes(path), resolveElectronDir: () => ELECTRON_DIR, requireElectron };
}

describe('npm start: window or browser', () => {
  it('opens the window when the Electron binary is installed', () => {
    expect(start.chooseLauncher(probes([`${ELECTRON_DIR}/path.txt`, BINARY]))).toEqual({ kind: 'electron', path: BINARY });
  });

  it('falls back without asking the electron package when its binary was never downloaded', () => {
    const requireElectron = vi.fn(() => BINARY);
    const launcher = start.chooseLauncher(probes([], requireElectron));
    expect(launcher).toEqual({ kind: 'browser', reason: expect.stringContaining('the Electron binary is not installed') });
    // Asking it would start a download, which hangs offline.
    expect(requireElectron).not.toHaveBeenCalled();
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
    const launcher = start.chooseLauncher({ ...probes(['/opt/electron/electron'], () => '/opt/electron/electron'), env: { ELECTRON_OVERRIDE_DIST_PATH: '/opt/electron' } });
    expect(launcher).toEqual({ kind: 'electron', path: '/opt/electron/electron' });
  });

  it('says why and what it does instead in one line', () => {
    const line = start.fallbackLine('the Electron binary is not installed');
    expect(line).not.toContain('\n');
    expect(line).toMatch(/cannot open the desktop window: the Electron binary is not installed; falling back to the browser designer/);
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
