import { describe, expect, it } from 'vitest';
import { dataFolderOption, SQLITE_ADDON_ENV, sqliteAddonOverride } from '../../electron/command-line.js';

describe('dataFolderOption', () => {
  it('reads --data DIR and --data=DIR wherever they are', () => {
    expect(dataFolderOption(['/electron', '/app', '--data', '/tmp/ws'])).toBe('/tmp/ws');
    expect(dataFolderOption(['/electron', '--data=/tmp/ws', '/app'])).toBe('/tmp/ws');
  });

  it('is absent without the option, or with an empty one', () => {
    expect(dataFolderOption(['/electron', '/app'])).toBeUndefined();
    expect(dataFolderOption(['/electron', '/app', '--data='])).toBeUndefined();
  });
});

describe('sqliteAddonOverride', () => {
  const env = { [SQLITE_ADDON_ENV]: '/cache/better_sqlite3.node' };

  it('uses the addon npm start built for Electron when running from source', () => {
    expect(sqliteAddonOverride(env, false)).toBe('/cache/better_sqlite3.node');
  });

  it('never loads native code named by the environment in a packaged app', () => {
    expect(sqliteAddonOverride(env, true)).toBeUndefined();
  });

  it('is absent when npm start set nothing', () => {
    expect(sqliteAddonOverride({}, false)).toBeUndefined();
  });
});
