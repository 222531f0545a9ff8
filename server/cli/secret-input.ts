import type { CliIo } from './cli-io.js';
import { CliError } from './cli-output.js';

/** The most stdin a secret or a signing key may be: far above any real one, low enough to bound memory. */
const MAX_INPUT_BYTES = 1024 * 1024;

function withoutFinalNewline(bytes: Buffer): Buffer {
  if (bytes.at(-1) !== 0x0a) return bytes;
  return bytes.subarray(0, bytes.at(-2) === 0x0d ? -2 : -1);
}

async function readPiped(stdin: CliIo['stdin']): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stdin) {
    size += (chunk as Buffer).length;
    if (size > MAX_INPUT_BYTES) throw new CliError(`stdin holds more than ${MAX_INPUT_BYTES} bytes; pipe only the value`);
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

/** Reads one line from the terminal without echoing it. */
function readHidden(io: CliIo, prompt: string): Promise<Buffer> {
  const { stdin } = io;
  io.stderr.write(prompt);
  stdin.setRawMode?.(true);
  stdin.resume();
  return new Promise((resolve, reject) => {
    const typed: number[] = [];
    const finish = (error?: Error) => {
      stdin.off('data', onData);
      stdin.setRawMode?.(false);
      stdin.pause();
      io.stderr.write('\n');
      if (error) reject(error);
      else resolve(Buffer.from(typed));
    };
    const onData = (chunk: Buffer) => {
      for (const byte of chunk) {
        if (byte === 0x03) return finish(new CliError('cancelled', 130));
        if (byte === 0x0d || byte === 0x0a || byte === 0x04) return finish();
        if (byte === 0x7f || byte === 0x08) typed.pop();
        else typed.push(byte);
      }
    };
    stdin.on('data', onData);
  });
}

/**
 * Reads a secret from stdin (never from the command line, where shell history and the process
 * list would keep it): piped input whole, less one final newline; a terminal gets a prompt and no echo.
 */
export async function readSecretInput(io: CliIo, prompt: string): Promise<Buffer> {
  return io.stdin.isTTY ? readHidden(io, prompt) : withoutFinalNewline(await readPiped(io.stdin));
}

/** The input as UTF-8 text; refuses bytes that are not. */
export function secretText(bytes: Buffer, what: string): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new CliError(`${what} is not UTF-8 text`);
  }
}
