import type { SecretKeySummary } from '../../shared/dto/security.dto.js';
import type { Reference } from '../../shared/dto/workspace.dto.js';
import { renameSecretKeyIn, mapStrings, secretKeyNamesIn, stringsIn } from '../../shared/expressions/secret-references.js';
import { NotFoundError } from '../errors/not-found.error.js';
import type { Stores } from '../storage/stores.js';
import { rewriteStoredFlows } from '../workspace/references.js';
import { assertUnreferenced } from '../workspace/workspace.service.js';
import type { SecretVault } from './secret-vault.js';

/** Secret keys for the admin screens and the CLI: names, flags and write-only values. */
export class SecretKeyService {
  constructor(
    private readonly stores: Stores,
    private readonly vault: Pick<SecretVault, 'setValue'>,
  ) {}

  list(): SecretKeySummary[] {
    return this.stores.security.secretKeys();
  }

  get(name: string): SecretKeySummary {
    const key = this.stores.security.findSecretKey(name);
    if (!key) throw new NotFoundError(`secret key "${name}" does not exist`);
    return key;
  }

  /** Adds a secret key, with its value when one is given. */
  create(name: string, enabled: boolean, value?: string): SecretKeySummary {
    return this.stores.transaction(() => {
      this.stores.security.assertFree('secret key', name);
      this.stores.security.saveSecretKey({ name, enabled });
      if (value !== undefined) this.vault.setValue(name, value);
      return this.get(name);
    });
  }

  /** Sets a value; with `createMissing`, a key that does not exist yet is added (enabled). */
  setValue(name: string, value: string, createMissing = false): { key: SecretKeySummary; created: boolean } {
    return this.stores.transaction(() => {
      const created = !this.stores.security.findSecretKey(name);
      if (created && !createMissing) throw new NotFoundError(`secret key "${name}" does not exist`);
      this.vault.setValue(name, value);
      return { key: this.get(name), created };
    });
  }

  /** Enables or disables a key, or renames it and rewrites every `_datasource` reference to it. */
  update(name: string, changes: { name?: string; enabled?: boolean }): SecretKeySummary {
    return this.stores.transaction(() => {
      const current = this.get(name);
      let finalName = name;
      if (changes.name !== undefined && changes.name !== name) {
        this.stores.security.assertFree('secret key', changes.name);
        this.stores.security.renameSecretKey(name, changes.name);
        const to = changes.name;
        rewriteStoredFlows(this.stores, (node) => {
          const config = mapStrings(node.config, (text) => renameSecretKeyIn(text, name, to));
          return JSON.stringify(config) === JSON.stringify(node.config) ? node : { ...node, config };
        });
        finalName = to;
      }
      if (changes.enabled !== undefined && changes.enabled !== current.enabled)
        this.stores.security.saveSecretKey({ name: finalName, enabled: changes.enabled });
      return this.get(finalName);
    });
  }

  /** The nodes whose expressions or templates use the key. */
  references(name: string): Reference[] {
    this.get(name);
    return this.stores.flows.list().flatMap((record) =>
      record.flow.nodes
        .filter((node) => stringsIn(node.config).some((text) => secretKeyNamesIn(text).includes(name)))
        .map((node): Reference => ({
          kind: 'node',
          application: record.application,
          actionflow: record.flow.name,
          node: node.name,
          description: `node "${node.name}" in ${record.application} / ${record.flow.name}`,
        })),
    );
  }

  /** Deletes a key and its value; one that nodes still use needs `confirmed`. */
  delete(name: string, confirmed: boolean): void {
    this.stores.transaction(() => {
      assertUnreferenced(`secret key "${name}"`, this.references(name), confirmed);
      this.stores.security.deleteSecretKey(name);
    });
  }
}
