/** `--data DIR` or `--data=DIR` from the app's command line, as the CLI spells it. */
export function dataFolderOption(argv: readonly string[]): string | undefined {
  for (let index = 0; index < argv.length; index += 1) {
    const argument = argv[index]!;
    if (argument.startsWith('--data=')) return argument.slice('--data='.length) || undefined;
    if (argument === '--data') return argv[index + 1];
  }
  return undefined;
}

/** Set by `npm start` (bin/start.mjs): the better-sqlite3 addon built for Electron's ABI. */
export const SQLITE_ADDON_ENV = 'ACTIONFLOW_ELECTRON_SQLITE_ADDON';

/**
 * The SQLite addon to load instead of the installed one: only when running from source. A
 * packaged app has its own rebuilt for Electron, and must not load native code named by its
 * environment.
 */
export function sqliteAddonOverride(env: NodeJS.ProcessEnv, isPackaged: boolean): string | undefined {
  return isPackaged ? undefined : env[SQLITE_ADDON_ENV] || undefined;
}
