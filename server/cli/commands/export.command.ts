import { renameSync, writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { exportWorkspace } from '../../workspace/export.service.js';
import { withWorkspace } from '../open-workspace.js';
import type { CliIo } from '../cli-io.js';

/** `actionflow export`: the workspace, one application or one actionflow, to stdout or a file. */
export function registerExport(program: Command, io: CliIo): void {
  program
    .command('export')
    .description('export the workspace (or one application, or one actionflow with what it needs) as JSON')
    .option('--data <dir>', 'data folder (default: $ACTIONFLOW_DATA or ~/.actionflow-studio)')
    .option('--app <name>', 'only this application')
    .option('--flow <name>', 'only this actionflow (with --app), with the tables and flows it uses')
    .option('-o, --output <file>', 'write to this file instead of stdout')
    .action(async (options: { data?: string; app?: string; flow?: string; output?: string }) => {
      const document = await withWorkspace(options.data, (stores) =>
        exportWorkspace(stores, {
          ...(options.app === undefined ? {} : { application: options.app.normalize('NFC').trim() }),
          ...(options.flow === undefined ? {} : { actionflow: options.flow.normalize('NFC').trim() }),
        }),
      );
      const text = `${JSON.stringify(document, null, 2)}\n`;
      if (!options.output) {
        io.stdout.write(text);
        return;
      }
      const temporary = `${options.output}.${process.pid}.tmp`;
      writeFileSync(temporary, text);
      renameSync(temporary, options.output);
      io.tell(`exported to ${options.output}`);
    });
}
