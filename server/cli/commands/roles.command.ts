import type { Command } from 'commander';
import { PRIVILEGES, type Privilege } from '../../../shared/schemas/security.schema.js';
import { SecurityAdminService } from '../../security/security-admin.service.js';
import { cliName, cliNames } from '../cli-names.js';
import { CliError } from '../cli-output.js';
import { printList } from '../cli-table.js';
import { DATA_OPTION } from '../data-option.js';
import { withWorkspace } from '../open-workspace.js';
import type { CliIo } from '../cli-io.js';

/** A privilege by its name, in any letter case ("use api key" is "Use API Key"). */
function privilege(value: string): Privilege {
  const known = PRIVILEGES.find((name) => name.toLowerCase() === value.trim().toLowerCase());
  if (!known) throw new CliError(`"${value}" is not a privilege; one of: ${PRIVILEGES.map((name) => `"${name}"`).join(', ')}`);
  return known;
}

/** `actionflow roles add|list`: roles grant privileges to user groups, in one application or all. */
export function registerRoles(program: Command, io: CliIo): void {
  const roles = program.command('roles').description('roles, which grant privileges to user groups');

  roles
    .command('add')
    .description('add a role granting privileges to groups (in one application with --application, else in all)')
    .argument('<name>', 'role name')
    .requiredOption('--privilege <privileges...>', `privileges to grant: ${PRIVILEGES.map((name) => `"${name}"`).join(', ')}`)
    .option('--group <groups...>', 'user groups the role grants them to')
    .option('--application <name>', 'limit the role to this application')
    .option(...DATA_OPTION)
    .action(async (name: string, options: { data?: string; privilege: string[]; group?: string[]; application?: string }) => {
      const role = {
        name: cliName('role', name),
        privileges: [...new Set(options.privilege.map(privilege))],
        userGroups: cliNames('user group', options.group),
        ...(options.application === undefined ? {} : { application: cliName('application', options.application) }),
      };
      const added = await withWorkspace(options.data, (stores) => new SecurityAdminService(stores).addRole(role));
      io.print(
        `added role ${added.name}: ${added.privileges.join(', ')} for ${added.userGroups.join(', ') || 'no group yet'} in ${added.application ?? 'every application'}`,
      );
    });

  roles
    .command('list')
    .description('list roles')
    .option(...DATA_OPTION)
    .option('--json', 'print JSON')
    .action(async (options: { data?: string; json?: boolean }) => {
      const list = await withWorkspace(options.data, (stores) => stores.security.roles());
      printList(io, list, options, 'no roles', ['NAME', 'APPLICATION', 'PRIVILEGES', 'GROUPS'], (role) => [
        role.name,
        role.application ?? '(all)',
        role.privileges.join(', '),
        role.userGroups.join(', '),
      ]);
    });
}
