import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { Readable, Writable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { onTestFinished } from 'vitest';
import { runCli as runCliInProcess } from '../../server/cli/program.js';

export const CLI = fileURLToPath(new URL('../../bin/actionflow', import.meta.url));
const BUILT_CLI = fileURLToPath(new URL('../../dist/server/cli/main.js', import.meta.url));

/** What one run of `actionflow` gave: its exit code and everything it printed. */
export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

function assertBuilt(): void {
  if (!existsSync(BUILT_CLI)) throw new Error('the CLI is not built: run `npm run build` (npm test does) before these tests');
}

function collector(): { stream: Writable; text: () => string } {
  const chunks: Buffer[] = [];
  const stream = new Writable({
    write(chunk: Buffer | string, _encoding, done) {
      chunks.push(Buffer.from(chunk));
      done();
    },
  });
  return { stream, text: () => Buffer.concat(chunks).toString('utf8') };
}

/** Runs `actionflow ARGS` in this process, with `input` as its piped stdin; the commands are the real ones, only the process is saved. */
export async function runCli(args: string[], options: { input?: string } = {}): Promise<CliResult> {
  const stdout = collector();
  const stderr = collector();
  const stdin = Readable.from(options.input === undefined || options.input === '' ? [] : [Buffer.from(options.input)]);
  const code = await runCliInProcess(args, { stdin, stdout: stdout.stream, stderr: stderr.stream });
  return { code, stdout: stdout.text(), stderr: stderr.text() };
}

/** Runs the built `bin/actionflow` in its own process to completion: the smoke test of a command as people start it. */
export function spawnCli(args: string[], options: { input?: string; env?: NodeJS.ProcessEnv } = {}): CliResult {
  assertBuilt();
  const result = spawnSync(CLI, args, { encoding: 'utf8', input: options.input ?? '', env: { ...process.env, ...options.env }, timeout: 60_000 });
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
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /listening on (\S+)/.exec(output);
      if (match) resolve(match[1]!);
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('exit', (code) => reject(new Error(`serve exited with ${code}: ${output}`)));
  });
  const url = new URL(line);
  return { child, url: url.origin, token: url.hash.replace('#token=', ''), output: () => output };
}

/** Waits for a child process to exit and gives its code. */
export function exitOf(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => {
    if (child.exitCode !== null) resolve(child.exitCode);
    else child.on('exit', (code) => resolve(code));
  });
}
