import { Option, type Command } from 'commander';
import { ON_CONFLICT, type ImportChange, type OnConflict } from '../../../shared/dto/workspace.dto.js';
import { importWorkspace } from '../../workspace/import.service.js';
import { withWorkspace } from '../open-workspace.js';
import { readWorkspaceFile } from '../workspace-file.js';
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
      const workspace = readWorkspaceFile(file);
      const summary = await withWorkspace(options.data, (stores) =>
        importWorkspace(stores, workspace, { onConflict: options.onConflict, dryRun: options.dryRun ?? false }),
      );
      for (const change of summary.changes) io.print(`${summary.dryRun ? 'would be ' : ''}${describeChange(change)}`);
      io.print(`${summary.dryRun ? 'dry run: nothing changed' : 'imported'} ${file}: ${summary.changes.length} item(s)`);
    });
}
