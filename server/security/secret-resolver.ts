/** Gives the value of a secret key for `_datasource.Name` (DESIGN §4); throws an Error whose message names the key when it cannot. */
export interface SecretResolver {
  valueOf(name: string): string;
  /** Every secret value currently stored, enabled or not: what must be masked wherever it could surface (see `secret-masker.ts`). */
  knownValues?(): readonly string[];
}

/** Knows no secret key: every `_datasource` reference fails its record with a message naming the key. */
export const noSecrets: SecretResolver = {
  valueOf: (name) => {
    throw new Error(`secret key "${name}" is unknown`);
  },
  knownValues: () => [],
};
