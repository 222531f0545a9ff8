import type { Command } from 'commander';
import { installSigningKey, rotateSigningKey, SIGNING_KEY_WARNING, type ReplaceSigningKey } from '../../security/signing-key.service.js';
import { replaceKeystoreEntry } from '../../storage/keystore.js';
import { DATA_OPTION } from '../data-option.js';
import { withWorkspace } from '../open-workspace.js';
import { readSecretInput } from '../secret-input.js';
import type { CliIo } from '../cli-io.js';

/** `actionflow keystore set-signing-key|rotate-signing-key`: the key API keys are signed with. */
export function registerKeystore(program: Command, io: CliIo): void {
  const keystore = program.command('keystore').description('the keystore (keystore.json): the key API keys are signed with');

  keystore
    .command('set-signing-key')
    .description(`install a signing key read from stdin (at least 32 bytes); ${SIGNING_KEY_WARNING}`)
    .option(...DATA_OPTION)
    .action(async (options: { data?: string }) => {
      const key = await readSecretInput(io, `new signing key, at least 32 bytes (not shown; ${SIGNING_KEY_WARNING}): `);
      const change = await withWorkspace(options.data, (stores, dataDir) => {
        const replace: ReplaceSigningKey = (alias, value) => replaceKeystoreEntry(dataDir, alias, value);
        return installSigningKey(replace, stores.security, key);
      });
      io.print(change.message);
    });

  keystore
    .command('rotate-signing-key')
    .description(`replace the signing key with a new random one; ${SIGNING_KEY_WARNING}`)
    .option(...DATA_OPTION)
    .action(async (options: { data?: string }) => {
      const change = await withWorkspace(options.data, (stores, dataDir) =>
        rotateSigningKey((alias, value) => replaceKeystoreEntry(dataDir, alias, value), stores.security),
      );
      io.print(change.message);
    });
}
