import { nameSchema } from '../../shared/names.js';
import { CliError } from './cli-output.js';

/** A name from the command line, normalized as stored names are; a bad one is refused saying why. */
export function cliName(kind: string, value: string): string {
  const parsed = nameSchema.safeParse(value);
  if (!parsed.success) throw new CliError(`${kind} "${value}": ${parsed.error.issues[0]?.message ?? 'not a valid name'}`);
  return parsed.data;
}

/** Several names, each checked. */
export function cliNames(kind: string, values: readonly string[] | undefined): string[] {
  return (values ?? []).map((value) => cliName(kind, value));
}
