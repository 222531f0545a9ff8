import type { Command } from 'commander';
import { labelSchema } from '../../../shared/dto/security.dto.js';
import { ApiKeyService } from '../../security/api-key.service.js';
import { systemClock } from '../../clock.js';
import { loadKeystore } from '../../storage/keystore.js';
import type { Stores } from '../../storage/stores.js';
import { cliName } from '../cli-names.js';
import { CliError } from '../cli-output.js';
import { printList } from '../cli-table.js';
import { DATA_OPTION } from '../data-option.js';
import { withWorkspace } from '../open-workspace.js';
import type { CliIo } from '../cli-io.js';

const apiKeyService = (stores: Stores, dataDir: string) => {
  const keystore = loadKeystore(dataDir);
  return new ApiKeyService(stores, () => keystore, systemClock);
};

function label(value: string | undefined): string {
  const parsed = labelSchema.safeParse(value ?? '');
  if (!parsed.success) throw new CliError(parsed.error.issues[0]!.message);
  return parsed.data;
}

/** `actionflow keys create|list|revoke`: API keys for keyed endpoints. */
export function registerKeys(program: Command, io: CliIo): void {
  const keys = program.command('keys').description('API keys, which callers of keyed endpoints send in the Authorization header');

  keys
    .command('create')
    .description('create an API key for a user; the key is printed on stdout, this once')
    .requiredOption('--user <name>', 'the user the key belongs to (runs are performed by this user)')
    .option('--label <text>', 'what the key is for, shown in lists')
    .option('--expires <when>', 'expiry: a duration (90m, 12h, 30d, 8w, 1y) or a date (2027-01-31); default: never')
    .option(...DATA_OPTION)
    .action(async (options: { data?: string; user: string; label?: string; expires?: string }) => {
      const request = {
        user: cliName('user', options.user),
        label: label(options.label),
        ...(options.expires === undefined ? {} : { expires: options.expires }),
      };
      const created = await withWorkspace(options.data, (stores, dataDir) => apiKeyService(stores, dataDir).create(request));
      io.stdout.write(`${created.key}\n`);
      const { record } = created;
      io.tell(
        `created API key ${record.id} for user ${record.user}${record.expiresAt ? `, expiring ${record.expiresAt}` : ', never expiring'}; it is shown this once`,
      );
      for (const warning of created.warnings) io.tell(`actionflow: warning: ${warning}`);
    });

  keys
    .command('list')
    .description('list API keys (never the keys themselves) with their state')
    .option('--user <name>', "only this user's keys")
    .option(...DATA_OPTION)
    .option('--json', 'print JSON')
    .action(async (options: { data?: string; user?: string; json?: boolean }) => {
      const user = options.user === undefined ? undefined : cliName('user', options.user);
      const list = await withWorkspace(options.data, (stores, dataDir) => apiKeyService(stores, dataDir).list(user));
      printList(io, list, options, 'no API keys', ['ID', 'USER', 'STATUS', 'LABEL', 'CREATED', 'LAST USED', 'EXPIRES'], (key) => [
        key.id,
        key.user,
        key.status,
        key.label,
        key.createdAt,
        key.lastUsedAt ?? '-',
        key.expiresAt ?? 'never',
      ]);
    });

  keys
    .command('revoke')
    .description('revoke an API key: calls with it are refused from the next one on')
    .argument('<id>', 'the key id, as `actionflow keys list` shows it')
    .option(...DATA_OPTION)
    .action(async (id: string, options: { data?: string }) => {
      const { record, alreadyRevoked } = await withWorkspace(options.data, (stores, dataDir) => apiKeyService(stores, dataDir).revoke(id.trim()));
      io.print(alreadyRevoked ? `API key ${record.id} was already revoked (${record.revokedAt})` : `revoked API key ${record.id} of user ${record.user}`);
    });
}
