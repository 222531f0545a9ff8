import type { StateCreator } from 'zustand';
import { formatRoute, parseRoute, type Route } from './routes.js';

export interface RouteSlice {
  route: Route;
  /** Set when something outside the home (a desktop menu) asks it to open its "New API Endpoint" dialog. */
  newEndpointRequested: boolean;
  requestNewEndpoint: (requested: boolean) => void;
  /** Goes to `route`; `replace` rewrites the current history entry (e.g. after a rename). */
  navigate: (route: Route, options?: { replace?: boolean }) => void;
  /** Follows the address bar (back and forward buttons). */
  syncRouteFromLocation: () => void;
}

/** The current view, kept in the URL fragment so that reload, back and forward work. */
export const createRouteSlice: StateCreator<RouteSlice, [], [], RouteSlice> = (set) => ({
  route: parseRoute(window.location.hash),
  newEndpointRequested: false,
  requestNewEndpoint: (requested) => set({ newEndpointRequested: requested }),
  navigate: (route, options = {}) => {
    const hash = formatRoute(route);
    if (window.location.hash !== hash) {
      if (options.replace) window.history.replaceState(window.history.state, '', hash);
      else window.history.pushState(null, '', hash);
    }
    set({ route });
  },
  syncRouteFromLocation: () => set({ route: parseRoute(window.location.hash) }),
});
