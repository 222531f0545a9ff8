import { Command, CommanderError } from 'commander';
import { cliIo, processStreams, type CliIo, type CliStreams } from './cli-io.js';
import { reportError } from './cli-output.js';
import { registerEndpoints } from './commands/endpoints.command.js';
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
export function buildProgram(io: CliIo): Command {
  const program = new Command('actionflow')
    .description('Actionflow Studio: build HTTP APIs by drawing them')
    .configureOutput({ writeOut: (text) => io.stdout.write(text), writeErr: (text) => io.stderr.write(text) })
    .showHelpAfterError('(run actionflow --help for usage)')
    .exitOverride();
  registerServe(program, io);
  registerImport(program, io);
  registerExport(program, io);
  registerValidate(program, io);
  registerUsers(program, io);
  registerGroups(program, io);
  registerRoles(program, io);
  registerKeys(program, io);
  registerSecrets(program, io);
  registerKeystore(program, io);
  registerEndpoints(program, io);
  return program;
}

/** Runs the CLI with `argv` (without the program name) over `streams` and resolves to the exit code. */
export async function runCli(argv: string[], streams: CliStreams = processStreams()): Promise<number> {
  const io = cliIo(streams);
  try {
    await buildProgram(io).parseAsync(argv, { from: 'user' });
    return 0;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : 2;
    return reportError(io, error);
  }
}
