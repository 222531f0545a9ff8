import { describe, expect, it } from 'vitest';
import { formatRoute, parseRoute, type Route } from '../../../renderer/src/state/routes.js';

describe('designer routes', () => {
  it('reads and writes every view, percent-encoding names', () => {
    const routes: Route[] = [
      { view: 'home' },
      { view: 'admin' },
      { view: 'flow', application: 'Demo', flow: 'Company Lookup' },
      { view: 'table', application: 'Sales & Co', table: 'orders/2024?' },
    ];
    for (const route of routes) expect(parseRoute(formatRoute(route))).toEqual(route);
    expect(formatRoute({ view: 'flow', application: 'Demo', flow: 'Company Lookup' })).toBe('#/apps/Demo/flows/Company%20Lookup');
  });

  it('falls back to the home for anything it does not know', () => {
    for (const hash of ['', '#', '#/nowhere', '#/apps/Demo', '#/apps/Demo/widgets/x', '#/apps/Demo/flows/a/b', '#token=abc']) {
      expect(parseRoute(hash)).toEqual({ view: 'home' });
    }
  });
});
