import type { Command } from 'commander';
import { WorkspaceService } from '../../workspace/workspace.service.js';
import { cliName } from '../cli-names.js';
import { CliError } from '../cli-output.js';
import { DATA_OPTION } from '../data-option.js';
import { withWorkspace } from '../open-workspace.js';
import type { CliIo } from '../cli-io.js';

/** `actionflow endpoints set-keyed|set-anonymous --app A --flow F`: whether an endpoint needs an API key. */
export function registerEndpoints(program: Command, io: CliIo): void {
  const endpoints = program.command('endpoints').description('API endpoints: whether calls need an API key');

  for (const [verb, allowAnonymous] of [
    ['set-keyed', false],
    ['set-anonymous', true],
  ] as const) {
    endpoints
      .command(verb)
      .description(
        allowAnonymous
          ? 'let anyone who can reach the endpoint call it, without an API key'
          : 'make calls to the endpoint need an API key (Authorization header)',
      )
      .requiredOption('--app <name>', 'application')
      .requiredOption('--flow <name>', 'actionflow')
      .option(...DATA_OPTION)
      .action(async (options: { app: string; flow: string; data?: string }) => {
        const application = cliName('application', options.app);
        const actionflow = cliName('actionflow', options.flow);
        const changed = await withWorkspace(options.data, (stores) => {
          const service = new WorkspaceService(stores);
          const current = service.getFlow(application, actionflow);
          const { api } = current.flow;
          if (!api) throw new CliError(`actionflow "${actionflow}" of application "${application}" is not an API endpoint; make it one in the designer first`);
          if (api.allowAnonymous === allowAnonymous) return false;
          service.saveFlow(application, actionflow, { ...current.flow, api: { ...api, allowAnonymous } }, current.revision);
          return true;
        });
        const state = allowAnonymous ? 'anonymous: anyone who can reach it may call it' : 'keyed: calls need an API key';
        io.print(`${application} / ${actionflow} ${changed ? 'is now' : 'was already'} ${state}`);
      });
  }
}
