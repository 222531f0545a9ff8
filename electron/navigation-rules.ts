import type { WebContents } from 'electron';
import { isAppUrl, isWebUrl } from './trusted-origin.js';

export type OpenExternal = (url: string) => unknown;

/**
 * What happens when the page tries to go to `url`: stay if it is the app's own origin;
 * otherwise the page stays where it is and an http(s) URL opens in the system browser.
 */
export function navigationDecision(url: string, appOrigin: string): 'allow' | 'open-externally' | 'block' {
  if (isAppUrl(url, appOrigin)) return 'allow';
  return isWebUrl(url) ? 'open-externally' : 'block';
}

/** A request for a new window (target=_blank, window.open): never a new Electron window. */
export function windowOpenDecision(url: string, openExternal: OpenExternal): { action: 'deny' } {
  if (isWebUrl(url)) void openExternal(url);
  return { action: 'deny' };
}

/**
 * Keeps a window on the app's own origin: navigation and redirects elsewhere are stopped (web
 * links open in the system browser), new windows are denied, and no <webview> can attach.
 */
export function registerNavigationRules(contents: WebContents, appOrigin: string, openExternal: OpenExternal): void {
  const guard = (event: { url: string; preventDefault(): void }) => {
    const decision = navigationDecision(event.url, appOrigin);
    if (decision === 'allow') return;
    event.preventDefault();
    if (decision === 'open-externally') void openExternal(event.url);
  };
  contents.on('will-navigate', guard);
  contents.on('will-redirect', guard);
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => windowOpenDecision(url, openExternal));
}
