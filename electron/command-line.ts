/** `--data DIR` or `--data=DIR` from the app's command line, as the CLI spells it. */
export function dataFolderOption(argv: readonly string[]): string | undefined {
  for (let index = 0; index < argv.length; index += 1) {
    const argument = argv[index]!;
    if (argument.startsWith('--data=')) return argument.slice('--data='.length) || undefined;
    if (argument === '--data') return argv[index + 1];
  }
  return undefined;
}
