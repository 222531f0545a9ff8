import type { Readable, Writable } from 'node:stream';

/** The streams a CLI run reads and writes: the process's own, or a test's. */
export interface CliStreams {
  readonly stdin: Readable & { isTTY?: boolean; setRawMode?: (mode: boolean) => unknown };
  readonly stdout: Writable;
  readonly stderr: Writable;
}

/** What every command prints through: lines on stdout (results) and stderr (messages). */
export interface CliIo extends CliStreams {
  /** One line on stdout. */
  print(line: string): void;
  /** One line on stderr. */
  tell(line: string): void;
}

/** The CLI's input and output over the given streams. */
export function cliIo(streams: CliStreams): CliIo {
  return {
    ...streams,
    print: (line) => void streams.stdout.write(`${line}\n`),
    tell: (line) => void streams.stderr.write(`${line}\n`),
  };
}

/** The process's own stdin, stdout and stderr. */
export function processStreams(): CliStreams {
  return { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr };
}
