/** The `--data DIR` option every command that opens a data folder takes (DESIGN §7). */
export const DATA_OPTION = ['--data <dir>', 'data folder (default: $ACTIONFLOW_DATA or ~/.actionflow-studio)'] as const;
