import { describe, expect, it } from 'vitest';
import { takeTokenFromFragment } from '../../../renderer/src/session/read-session.js';

describe('the session token in the URL fragment', () => {
  it('takes the token and keeps the rest of the fragment as the route', () => {
    expect(takeTokenFromFragment('#token=abc%2Bdef')).toEqual({ token: 'abc+def', rest: '' });
    expect(takeTokenFromFragment('#token=abc&/apps/Demo/flows/X')).toEqual({ token: 'abc', rest: '/apps/Demo/flows/X' });
  });

  it('finds no token in a plain route', () => {
    expect(takeTokenFromFragment('#/apps/Demo/flows/X')).toEqual({ rest: '/apps/Demo/flows/X' });
    expect(takeTokenFromFragment('')).toEqual({ rest: '' });
  });
});
