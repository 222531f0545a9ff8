import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { onTestFinished } from 'vitest';

/** A fresh temporary folder, removed when the current test finishes. */
export function tempDir(prefix = 'actionflow-test-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** A file in a fresh temporary folder holding `content` (text as it is, anything else as JSON), e.g. a workspace file for the CLI. */
export function tempFile(content: unknown, name = 'ws.json'): string {
  const file = join(tempDir(), name);
  writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content));
  return file;
}
