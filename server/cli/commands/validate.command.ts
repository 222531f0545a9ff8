import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Command } from 'commander';
import { formatProblem } from '../../../shared/problem.js';
import { parseWorkspaceText } from '../../../shared/validation/parse-workspace.js';
import { DATABASE_FILE } from '../../storage/data-folder.js';
import { fullCheckAgainst } from '../../workspace/full-check.js';
import { CliError } from '../cli-output.js';
import { withWorkspace } from '../open-workspace.js';
import { readWorkspaceText } from '../workspace-file.js';
import type { CliIo } from '../cli-io.js';

/**
 * `actionflow validate FILE [--data DIR]`: checks every flow fully (DESIGN §4), against the file
 * alone or that workspace too; prints every problem with its JSON path and exits 1 when there is
 * any, whether or not the flow would be live. Warnings are printed and do not fail.
 */
export function registerValidate(program: Command, io: CliIo): void {
  program
    .command('validate')
    .description('check a workspace file fully without importing it (every problem at once; exit 1 when there is any)')
    .argument('<file>', 'workspace file')
    .option('--data <dir>', 'also check references against the workspace in this data folder')
    .action(async (file: string, options: { data?: string }) => {
      const text = readWorkspaceText(file);
      if (options.data !== undefined && !existsSync(join(resolve(options.data), DATABASE_FILE))) {
        throw new CliError(`no workspace in ${options.data}: it holds no ${DATABASE_FILE}; give the data folder of a server`);
      }
      const parsed =
        options.data === undefined
          ? parseWorkspaceText(text, {})
          : await withWorkspace(options.data, (stores) => parseWorkspaceText(text, fullCheckAgainst(stores)));
      for (const warning of parsed.warnings) io.print(`warning: ${formatProblem(warning)}`);
      if (parsed.problems.length > 0) throw new CliError(`${file} has ${parsed.problems.length} problem(s)`, 1, parsed.problems);
      if (!parsed.ok) throw new CliError(`${file} is not valid`);
      const { workspace } = parsed;
      const flows = workspace.applications.reduce((sum, application) => sum + application.actionflows.length, 0);
      const against = options.data === undefined ? '' : ` against ${options.data}`;
      const warned = parsed.warnings.length ? `, ${parsed.warnings.length} warning(s)` : '';
      io.print(`${file} is valid${against}: ${workspace.applications.length} application(s), ${flows} actionflow(s)${warned}`);
    });
}
