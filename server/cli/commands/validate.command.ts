import type { Command } from 'commander';
import { readWorkspaceFile } from '../workspace-file.js';
import type { CliIo } from '../cli-io.js';

/** `actionflow validate FILE`: every problem with its JSON path; exit 1 when there is any. */
export function registerValidate(program: Command, io: CliIo): void {
  program
    .command('validate')
    .description('check a workspace file without importing it')
    .argument('<file>', 'workspace file')
    .action((file: string) => {
      const workspace = readWorkspaceFile(file);
      const flows = workspace.applications.reduce((sum, application) => sum + application.actionflows.length, 0);
      io.print(`${file} is valid: ${workspace.applications.length} application(s), ${flows} actionflow(s)`);
    });
}
