import { Command, CommanderError } from 'commander';
import { reportError } from './cli-output.js';
import { registerExport } from './commands/export.command.js';
import { registerGroups } from './commands/groups.command.js';
import { registerImport } from './commands/import.command.js';
import { registerKeys } from './commands/keys.command.js';
import { registerKeystore } from './commands/keystore.command.js';
import { registerRoles } from './commands/roles.command.js';
import { registerSecrets } from './commands/secrets.command.js';
import { registerServe } from './commands/serve.command.js';
import { registerUsers } from './commands/users.command.js';
import { registerValidate } from './commands/validate.command.js';

/** The `actionflow` command: every subcommand is registered here, explicitly. */
export function buildProgram(): Command {
  const program = new Command('actionflow')
    .description('Actionflow Studio: build HTTP APIs by drawing them')
    .showHelpAfterError('(run actionflow --help for usage)')
    .exitOverride();
  registerServe(program);
  registerImport(program);
  registerExport(program);
  registerValidate(program);
  registerUsers(program);
  registerGroups(program);
  registerRoles(program);
  registerKeys(program);
  registerSecrets(program);
  registerKeystore(program);
  return program;
}

/** Runs the CLI with `argv` and resolves to the exit code. */
export async function runCli(argv: string[]): Promise<number> {
  try {
    await buildProgram().parseAsync(argv, { from: 'user' });
    return 0;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : 2;
    return reportError(error);
  }
}

const code = await runCli(process.argv.slice(2));
// serve keeps running; every other command ends here.
if (code !== 0 || process.argv[2] !== 'serve') process.exitCode = code;
