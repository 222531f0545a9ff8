import type { IncomingMessage } from 'node:http';
import type { Socket } from 'node:net';

/** After a refusal, how much more of a body is read and dropped, and for how long, before the connection is closed anyway (DESIGN §5). */
const LINGER_BYTES = 64 * 1024 * 1024;
const LINGER_MS = 10_000;
/** Connections lingering at once; past this a refused connection is closed at once. */
const MAX_LINGERING = 16;

let lingering = 0;

/**
 * Makes the connection of a request refused before its body was read close the way nginx's
 * lingering close does: the reply (sent with `Connection: close`) goes out at once, and the rest
 * of the body is read and dropped before the connection closes, up to 64 MiB more or 10 s. A
 * client that writes its whole body before it reads (Node's fetch, Python's urllib) then gets the
 * reply; closing with its data unread would reset the connection and give it a broken pipe.
 */
export function lingerBeforeClose(request: IncomingMessage): void {
  const socket = request.socket as Socket & { destroySoon?: () => void };
  const closeSoon = socket.destroySoon?.bind(socket);
  if (lingering >= MAX_LINGERING || request.complete || typeof closeSoon !== 'function') return;
  lingering++;
  let dropped = 0;
  let bodyRead = false;
  let replied: (() => void) | undefined;
  let lingers = true;
  const stop = () => {
    if (!lingers) return;
    lingers = false;
    lingering--;
    clearTimeout(timer);
    request.off('data', drop);
  };
  const drop = (chunk: Buffer) => {
    dropped += chunk.length;
    if (dropped <= LINGER_BYTES) return;
    stop();
    socket.destroy();
  };
  const timer = setTimeout(() => {
    stop();
    socket.destroy();
  }, LINGER_MS);
  timer.unref();
  // Node's server calls destroySoon once a `Connection: close` reply is written; it waits for the body's end.
  socket.destroySoon = () => {
    if (bodyRead) closeSoon();
    else replied = () => closeSoon();
  };
  request.on('data', drop);
  request.once('end', () => {
    bodyRead = true;
    stop();
    replied?.();
  });
  socket.once('close', stop);
}
