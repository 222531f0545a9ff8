import type { StateCreator } from 'zustand';
import { formatRoute, parseRoute } from './routes.js';
import type { RouteSlice, StudioState } from './studio-store.types.js';

/** The current view, kept in the URL fragment so that reload, back and forward work. */
export const createRouteSlice: StateCreator<StudioState, [], [], RouteSlice> = (set) => ({
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
