import { describe, expect, it } from 'vitest';
import { ADMIN_SECTIONS, formatRoute, parseRoute } from '../../../renderer/src/state/routes.js';

describe('admin screen routes', () => {
  it('gives each admin screen its own address, read back to the same screen', () => {
    for (const section of ADMIN_SECTIONS) {
      expect(formatRoute({ view: 'admin', section })).toBe(`#/admin/${section}`);
      expect(parseRoute(`#/admin/${section}`)).toEqual({ view: 'admin', section });
    }
  });

  it('opens the first admin screen for #/admin and the home for an unknown screen', () => {
    expect(parseRoute('#/admin')).toEqual({ view: 'admin' });
    expect(parseRoute('#/admin/nowhere')).toEqual({ view: 'home' });
    expect(parseRoute('#/admin/users/extra')).toEqual({ view: 'home' });
  });
});
