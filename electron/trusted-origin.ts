import type { IpcMainEvent, IpcMainInvokeEvent } from 'electron';

/** True when `url` parses and belongs to `appOrigin` (scheme, host and port), e.g. http://127.0.0.1:8080. */
export function isAppUrl(url: string, appOrigin: string): boolean {
  try {
    return new URL(url).origin === appOrigin;
  } catch {
    return false;
  }
}

/** True for the http(s) URLs the system browser may open; never file:, javascript: or custom schemes. */
export function isWebUrl(url: string): boolean {
  try {
    const { protocol } = new URL(url);
    return protocol === 'http:' || protocol === 'https:';
  } catch {
    return false;
  }
}

/**
 * True when an IPC message comes from the top frame of a page of the app's own origin, so a
 * frame or a page from elsewhere (should one ever load) cannot use the desktop bridge.
 */
export function isTrustedSender(event: IpcMainEvent | IpcMainInvokeEvent, appOrigin: string): boolean {
  const frame = event.senderFrame;
  if (!frame || frame.parent !== null) return false;
  return isAppUrl(frame.url, appOrigin);
}
