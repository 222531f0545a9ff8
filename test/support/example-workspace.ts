import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The DESIGN §3 example workspace file, kept beside the tests. */
export const EXAMPLE_WORKSPACE_FILE = fileURLToPath(new URL('../fixtures/workspace-example.json', import.meta.url));

/** A fresh copy of the DESIGN §3 example document. */
export function exampleWorkspace(): Record<string, any> {
  return JSON.parse(readFileSync(EXAMPLE_WORKSPACE_FILE, 'utf8'));
}
