import type { Command } from 'commander';
import { SecurityAdminService } from '../../security/security-admin.service.js';
import { cliName, cliNames } from '../cli-names.js';
import { printList } from '../cli-table.js';
import { DATA_OPTION } from '../data-option.js';
import { withWorkspace } from '../open-workspace.js';
import type { CliIo } from '../cli-io.js';

/** `actionflow groups add|list`: user groups, which roles grant privileges to. */
export function registerGroups(program: Command, io: CliIo): void {
  const groups = program.command('groups').description('user groups, which roles grant privileges to');

  groups
    .command('add')
    .description('add a user group with its members')
    .argument('<name>', 'group name')
    .option('--user <users...>', 'members (existing users)')
    .option(...DATA_OPTION)
    .action(async (name: string, options: { data?: string; user?: string[] }) => {
      const group = { name: cliName('user group', name), users: cliNames('user', options.user) };
      const added = await withWorkspace(options.data, (stores) => new SecurityAdminService(stores).addUserGroup(group));
      io.print(`added user group ${added.name}${added.users.length ? ` with ${added.users.join(', ')}` : ' (no members yet)'}`);
    });

  groups
    .command('list')
    .description('list user groups and their members')
    .option(...DATA_OPTION)
    .option('--json', 'print JSON')
    .action(async (options: { data?: string; json?: boolean }) => {
      const list = await withWorkspace(options.data, (stores) => stores.security.userGroups());
      printList(io, list, options, 'no user groups', ['NAME', 'USERS'], (group) => [group.name, group.users.join(', ')]);
    });
}
