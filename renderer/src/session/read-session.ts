import { DESKTOP_API_GLOBAL, type StudioDesktopApi } from '../../../shared/preload-api.js';

/** How the designer reaches the admin API. */
export interface Session {
  /** The admin session token (sent only as `Authorization: Bearer`). */
  token: string;
  /** The server's origin, e.g. http://127.0.0.1:8080 */
  baseUrl: string;
}

/** sessionStorage keeps the token for this tab only, so a reload still works once the fragment is gone. */
const TOKEN_KEY = 'actionflow-studio:session-token';

/** The desktop preload's API, when the designer runs in the desktop window. */
export function desktopApi(): StudioDesktopApi | undefined {
  return (window as unknown as Record<string, StudioDesktopApi | undefined>)[DESKTOP_API_GLOBAL];
}

/** Splits `#token=abc&/apps/...` style fragments: the token, and the rest of the fragment. */
export function takeTokenFromFragment(hash: string): { token?: string; rest: string } {
  const fragment = hash.replace(/^#/, '');
  const parts = fragment.split('&');
  const tokenPart = parts.find((part) => part.startsWith('token='));
  if (!tokenPart) return { rest: fragment };
  const rest = parts.filter((part) => part !== tokenPart).join('&');
  return { token: decodeURIComponent(tokenPart.slice('token='.length)), rest };
}

/**
 * Finds the session: the desktop preload's, else the `#token=` fragment the server printed (removed
 * from the address bar at once, so it is not bookmarked or shared), else the one this tab kept.
 */
export function readSession(): Session | null {
  const desktop = desktopApi();
  if (desktop?.sessionToken) return { token: desktop.sessionToken, baseUrl: desktop.serverUrl.replace(/\/+$/, '') };

  const { token, rest } = takeTokenFromFragment(window.location.hash);
  if (token) {
    window.sessionStorage.setItem(TOKEN_KEY, token);
    window.history.replaceState(window.history.state, '', `${window.location.pathname}${window.location.search}#${rest || '/'}`);
  }
  const kept = token ?? window.sessionStorage.getItem(TOKEN_KEY);
  return kept ? { token: kept, baseUrl: window.location.origin } : null;
}
