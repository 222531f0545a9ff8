import type { IncomingMessage } from 'node:http';
import { lingerBeforeClose } from './lingering-close.js';

export type BodyRead = { ok: true; body: Buffer } | { ok: false; message: string };

/**
 * Reads the raw request body, whatever the method (a GET body reaches the flow too), refusing
 * one over `limit` bytes as soon as it is known to be: from Content-Length, or while reading.
 */
export function readBody(request: IncomingMessage, limit: number): Promise<BodyRead> {
  const tooLarge = (): BodyRead => {
    lingerBeforeClose(request);
    return { ok: false, message: `the request body is larger than this server accepts (${limit} bytes)` };
  };
  const declared = Number(request.headers['content-length']);
  if (Number.isFinite(declared) && declared > limit) return Promise.resolve(tooLarge());
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        request.off('data', onData);
        request.resume();
        resolve(tooLarge());
        return;
      }
      chunks.push(chunk);
    };
    request.on('data', onData);
    request.once('end', () => resolve({ ok: true, body: chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, size) }));
    request.once('error', reject);
  });
}

/** Decodes a body as text in the charset its Content-Type names, UTF-8 when it names none this runtime knows. */
export function bodyText(body: Buffer, contentType: string): string {
  if (body.length === 0) return '';
  const charset = /;\s*charset\s*=\s*"?([^";\s]+)"?/i.exec(contentType)?.[1];
  if (charset && !/^utf-?8$/i.test(charset)) {
    try {
      return new TextDecoder(charset).decode(body);
    } catch {
      // An unknown charset: read the bytes as UTF-8, as for no charset at all.
    }
  }
  return body.toString('utf8');
}
