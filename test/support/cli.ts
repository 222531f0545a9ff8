import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { onTestFinished } from 'vitest';

export const CLI = fileURLToPath(new URL('../../bin/actionflow', import.meta.url));
const BUILT_CLI = fileURLToPath(new URL('../../dist/server/cli/main.js', import.meta.url));

function assertBuilt(): void {
  if (!existsSync(BUILT_CLI)) throw new Error('the CLI is not built: run `npm run build` (npm test does) before these tests');
}

/** Runs `actionflow` to completion. */
export function runCli(args: string[], options: { input?: string; env?: NodeJS.ProcessEnv } = {}) {
  assertBuilt();
  const result = spawnSync(CLI, args, { encoding: 'utf8', input: options.input ?? '', env: { ...process.env, ...options.env }, timeout: 30_000 });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Starts `actionflow serve` and waits for its "listening on" line; the process is killed when the test finishes. */
export async function serveCli(args: string[]): Promise<{ child: ChildProcess; url: string; token: string; output: () => string }> {
  assertBuilt();
  const child = spawn(CLI, ['serve', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  onTestFinished(() => {
    child.kill('SIGKILL');
  });
  let output = '';
  const line = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`serve did not start: ${output}`)), 20_000);
    const onData = (chunk: Buffer) => {
      output += chunk;
      const match = /listening on (\S+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`serve exited with ${code}: ${output}`));
    });
  });
  const url = new URL(line);
  return { child, url: url.origin, token: url.hash.replace('#token=', ''), output: () => output };
}

/** Waits for a child process to exit and gives its code and output. */
export function exitOf(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => {
    if (child.exitCode !== null) resolve(child.exitCode);
    else child.on('exit', (code) => resolve(code));
  });
}
