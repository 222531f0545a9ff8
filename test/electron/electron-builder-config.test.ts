import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

interface BuilderConfig {
  appId?: string;
  productName?: string;
  files?: (string | { filter: string[] })[];
  asarUnpack?: string[];
  npmRebuild?: boolean;
  electronFuses?: Record<string, boolean>;
  linux?: { target?: string[] };
  mac?: { target?: string[] };
  win?: { target?: string[] };
}
interface ConfigModule {
  getConfig: (projectDir: string, configPath: string, fromOptions: null) => Promise<BuilderConfig>;
  validateConfiguration: (config: BuilderConfig, logger: unknown) => Promise<void>;
}

// electron-builder's own loader and schema check, the first steps of `npm run dist`; neither downloads anything.
const require = createRequire(import.meta.url);
const builderLib = require.resolve('app-builder-lib/package.json', { paths: [require.resolve('electron-builder')] });
const { getConfig, validateConfiguration } = require(join(builderLib, '..', 'out/util/config/config.js')) as ConfigModule;
const { DebugLogger } = require(require.resolve('builder-util', { paths: [builderLib] })) as { DebugLogger: new (enabled: boolean) => unknown };

const config = await getConfig(process.cwd(), join(process.cwd(), 'electron-builder.yml'), null);

describe('electron-builder.yml', () => {
  it("passes electron-builder's configuration schema", async () => {
    await expect(validateConfiguration(config, new DebugLogger(false))).resolves.toBeUndefined();
  });

  it('builds Actionflow Studio for Linux (AppImage, deb), macOS (dmg) and Windows (nsis)', () => {
    expect(config).toMatchObject({ appId: 'dev.actionflow.studio', productName: 'Actionflow Studio' });
    expect([config.linux?.target, config.mac?.target, config.win?.target]).toEqual([['AppImage', 'deb'], ['dmg'], ['nsis']]);
  });

  it('packs the built app and rebuilds better-sqlite3 for Electron, outside the asar', () => {
    const files = (config.files ?? []).flatMap((entry) => (typeof entry === 'string' ? [entry] : entry.filter));
    expect(files).toEqual(expect.arrayContaining(['dist/**/*', 'package.json']));
    expect(config.asarUnpack).toContain('node_modules/better-sqlite3/**/*.node');
    expect(config.npmRebuild).toBe(true);
  });

  it('ships a binary that cannot be run as plain Node', () => {
    expect(config.electronFuses).toMatchObject({ runAsNode: false, enableNodeOptionsEnvironmentVariable: false, enableNodeCliInspectArguments: false });
  });
});
