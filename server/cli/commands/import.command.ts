import { Option, type Command } from 'commander';
import { ON_CONFLICT, type ImportChange, type OnConflict } from '../../../shared/dto/workspace.dto.js';
import { formatProblem } from '../../../shared/problem.js';
import { fullCheckAgainst } from '../../workspace/full-check.js';
import { importWorkspace } from '../../workspace/import.service.js';
import { withWorkspace } from '../open-workspace.js';
import { readWorkspaceFile, readWorkspaceText } from '../workspace-file.js';
import type { CliIo } from '../cli-io.js';

/** One line per change, e.g. `created actionflow Demo / Companies Since`. */
export function describeChange(change: ImportChange): string {
  const where = change.application ? `${change.application} / ` : '';
  const renamed = change.newName ? ` as "${change.newName}"` : '';
  return `${change.action} ${change.kind} ${where}${change.name}${renamed}`;
}

/** `actionflow import FILE`: validates, then imports in one transaction. */
export function registerImport(program: Command, io: CliIo): void {
  program
    .command('import')
    .description('import a workspace file; any problem refuses the whole file and changes nothing')
    .argument('<file>', 'workspace file (JSON, format actionflow-workspace)')
    .option('--data <dir>', 'data folder (default: $ACTIONFLOW_DATA or ~/.actionflow-studio)')
    .addOption(new Option('--on-conflict <choice>', 'what to do when an item already exists').choices(ON_CONFLICT).default('fail'))
    .option('--dry-run', 'show what would change, change nothing')
    .action(async (file: string, options: { data?: string; onConflict: OnConflict; dryRun?: boolean }) => {
      const text = readWorkspaceText(file);
      const { summary, problems, warnings } = await withWorkspace(options.data, (stores) => {
        const read = readWorkspaceFile(file, fullCheckAgainst(stores), text);
        return { ...read, summary: importWorkspace(stores, read.workspace, { onConflict: options.onConflict, dryRun: options.dryRun ?? false }) };
      });
      for (const change of summary.changes) io.print(`${summary.dryRun ? 'would be ' : ''}${describeChange(change)}`);
      for (const problem of problems) io.print(`problem (the flow is not live, so it was imported; it cannot run until fixed): ${formatProblem(problem)}`);
      for (const warning of warnings) io.print(`warning: ${formatProblem(warning)}`);
      io.print(`${summary.dryRun ? 'dry run: nothing changed' : 'imported'} ${file}: ${summary.changes.length} item(s)`);
    });
}
