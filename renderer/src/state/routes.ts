/** The admin screens, each at `#/admin/<section>`. */
export const ADMIN_SECTIONS = ['users', 'user-groups', 'roles', 'api-keys', 'secret-keys', 'settings', 'transfer'] as const;
export type AdminSection = (typeof ADMIN_SECTIONS)[number];

/** Where the designer is: the home, a flow on the canvas, a table, or an admin screen (the first when none is named). */
export type Route =
  | { view: 'home' }
  | { view: 'flow'; application: string; flow: string }
  | { view: 'table'; application: string; table: string }
  | { view: 'admin'; section?: AdminSection };

const HOME: Route = { view: 'home' };

/** Reads a route from the URL fragment (`#/apps/Demo/flows/Company%20Lookup`); anything else is the home. */
export function parseRoute(hash: string): Route {
  const segments = hash.replace(/^#\/?/, '').split('/').filter(Boolean).map(safeDecode);
  const [first, application, kind, name] = segments;
  if (first === 'admin' && segments.length === 1) return { view: 'admin' };
  if (first === 'admin' && segments.length === 2 && ADMIN_SECTIONS.includes(application as AdminSection))
    return { view: 'admin', section: application as AdminSection };
  if (first === 'apps' && application && name && segments.length === 4) {
    if (kind === 'flows') return { view: 'flow', application, flow: name };
    if (kind === 'tables') return { view: 'table', application, table: name };
  }
  return HOME;
}

/** The fragment of a route, each name percent-encoded. */
export function formatRoute(route: Route): string {
  const e = encodeURIComponent;
  switch (route.view) {
    case 'home':
      return '#/';
    case 'admin':
      return route.section ? `#/admin/${route.section}` : '#/admin';
    case 'flow':
      return `#/apps/${e(route.application)}/flows/${e(route.flow)}`;
    case 'table':
      return `#/apps/${e(route.application)}/tables/${e(route.table)}`;
  }
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
