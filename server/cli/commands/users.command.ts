import type { Command } from 'commander';
import { SecurityAdminService } from '../../security/security-admin.service.js';
import { cliName, cliNames } from '../cli-names.js';
import { printList } from '../cli-table.js';
import { DATA_OPTION } from '../data-option.js';
import { withWorkspace } from '../open-workspace.js';
import type { CliIo } from '../cli-io.js';

/** `actionflow users add|list|disable|enable`: the users API keys belong to. */
export function registerUsers(program: Command, io: CliIo): void {
  const users = program.command('users').description('users, whom API keys belong to and runs are performed by');

  users
    .command('add')
    .description('add users (enabled unless --disabled)')
    .argument('<names...>', 'user names')
    .option(...DATA_OPTION)
    .option('--disabled', 'add them disabled')
    .action(async (names: string[], options: { data?: string; disabled?: boolean }) => {
      const checked = cliNames('user', names);
      await withWorkspace(options.data, (stores) => {
        const service = new SecurityAdminService(stores);
        stores.transaction(() => {
          for (const name of checked) service.addUser({ name, enabled: !options.disabled });
        });
      });
      for (const name of checked) io.print(`added user ${name}${options.disabled ? ' (disabled)' : ''}`);
    });

  users
    .command('list')
    .description('list users with their state and groups')
    .option(...DATA_OPTION)
    .option('--json', 'print JSON')
    .action(async (options: { data?: string; json?: boolean }) => {
      const { list, groups } = await withWorkspace(options.data, (stores) => ({ list: stores.security.users(), groups: stores.security.userGroups() }));
      const groupsOf = (user: string) => groups.filter((group) => group.users.includes(user)).map((group) => group.name);
      printList(
        io,
        list.map((user) => ({ ...user, groups: groupsOf(user.name) })),
        options,
        'no users',
        ['NAME', 'STATE', 'GROUPS'],
        (user) => [user.name, user.enabled ? 'enabled' : 'disabled', user.groups.join(', ')],
      );
    });

  for (const [verb, enabled] of [
    ['enable', true],
    ['disable', false],
  ] as const) {
    users
      .command(verb)
      .description(enabled ? 'enable a user: its API keys work again' : 'disable a user: its API keys are refused from the next call on')
      .argument('<name>', 'user name')
      .option(...DATA_OPTION)
      .action(async (name: string, options: { data?: string }) => {
        const user = await withWorkspace(options.data, (stores) => new SecurityAdminService(stores).setUserEnabled(cliName('user', name), enabled));
        io.print(`user ${user.name} is ${enabled ? 'enabled' : 'disabled'}`);
      });
  }
}
