import type { Command } from 'commander';
import { MAX_SECRET_VALUE_BYTES } from '../../../shared/dto/security.dto.js';
import { SecretKeyService } from '../../security/secret-key.service.js';
import { SecretVault } from '../../security/secret-vault.js';
import { loadKeystore } from '../../storage/keystore.js';
import type { Stores } from '../../storage/stores.js';
import { cliName } from '../cli-names.js';
import { CliError } from '../cli-output.js';
import { printList } from '../cli-table.js';
import { DATA_OPTION } from '../data-option.js';
import { withWorkspace } from '../open-workspace.js';
import { readSecretInput, secretText } from '../secret-input.js';
import type { CliIo } from '../cli-io.js';

const secretKeyService = (stores: Stores, dataDir: string) => {
  const keystore = loadKeystore(dataDir);
  return new SecretKeyService(stores, new SecretVault(stores.security, stores.bus, () => keystore.secretEncryptionKey));
};

/** `actionflow secrets set|list|enable|disable`: secret keys, used in flows as `_datasource.Name`. */
export function registerSecrets(program: Command, io: CliIo): void {
  const secrets = program.command('secrets').description('secret keys: named values flows use as _datasource.Name, stored encrypted');

  secrets
    .command('set')
    .description('set the value of a secret key (adding the key when new); the value is read from stdin')
    .argument('<name>', 'secret key name')
    .argument('[value]', 'refused: a value on the command line would stay in shell history and the process list')
    .option(...DATA_OPTION)
    .action(async (rawName: string, value: string | undefined, options: { data?: string }) => {
      if (value !== undefined) {
        throw new CliError(
          `a secret value is never taken from the command line (shell history and the process list would keep it); pipe it on stdin instead: printf '%s' "$VALUE" | actionflow secrets set ${JSON.stringify(rawName)}`,
          2,
        );
      }
      const name = cliName('secret key', rawName);
      const bytes = await readSecretInput(io, `value for secret key ${name} (not shown): `);
      if (bytes.length === 0) throw new CliError('the value is empty: pipe the value on stdin');
      if (bytes.length > MAX_SECRET_VALUE_BYTES) throw new CliError(`a secret value is at most ${MAX_SECRET_VALUE_BYTES} bytes; this one has ${bytes.length}`);
      const text = secretText(bytes, 'the value');
      const { key, created } = await withWorkspace(options.data, (stores, dataDir) => secretKeyService(stores, dataDir).setValue(name, text, true));
      io.print(
        `${created ? 'added secret key' : 'set the value of secret key'} ${key.name}${key.enabled ? '' : ' (disabled: enable it with actionflow secrets enable)'}`,
      );
    });

  secrets
    .command('list')
    .description('list secret keys (never their values)')
    .option(...DATA_OPTION)
    .option('--json', 'print JSON')
    .action(async (options: { data?: string; json?: boolean }) => {
      const list = await withWorkspace(options.data, (stores) => stores.security.secretKeys());
      printList(io, list, options, 'no secret keys', ['NAME', 'STATE', 'VALUE'], (key) => [
        key.name,
        key.enabled ? 'enabled' : 'disabled',
        key.hasValue ? 'set' : 'not set',
      ]);
    });

  for (const [verb, enabled] of [
    ['enable', true],
    ['disable', false],
  ] as const) {
    secrets
      .command(verb)
      .description(enabled ? 'enable a secret key' : 'disable a secret key: flows that use it fail their records with a message naming it')
      .argument('<name>', 'secret key name')
      .option(...DATA_OPTION)
      .action(async (rawName: string, options: { data?: string }) => {
        const name = cliName('secret key', rawName);
        const key = await withWorkspace(options.data, (stores, dataDir) => secretKeyService(stores, dataDir).update(name, { enabled }));
        io.print(`secret key ${key.name} is ${enabled ? 'enabled' : 'disabled'}`);
      });
  }
}
