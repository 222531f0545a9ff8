import { describe, expect, it, vi } from 'vitest';
import { DESIGNER_CSP } from '../../server/index.js';
import { registerSessionHardening, withContentSecurityPolicy } from '../../electron/session-hardening.js';

const ORIGIN = 'http://127.0.0.1:8080';

function hardenedSession() {
  const session = {
    setPermissionRequestHandler: vi.fn(),
    setPermissionCheckHandler: vi.fn(),
    webRequest: { onHeadersReceived: vi.fn() },
  };
  registerSessionHardening(session as never, ORIGIN, DESIGNER_CSP);
  const request = (permission: string, requestingUrl: string) => {
    const callback = vi.fn();
    session.setPermissionRequestHandler.mock.calls[0]![0]({}, permission, callback, { requestingUrl });
    return callback.mock.calls[0]![0] as boolean;
  };
  const check = (permission: string, requestingOrigin: string) =>
    session.setPermissionCheckHandler.mock.calls[0]![0]({}, permission, requestingOrigin, {}) as boolean;
  const headersFor = (responseHeaders: Record<string, string[]> | undefined) => {
    const callback = vi.fn();
    session.webRequest.onHeadersReceived.mock.calls[0]![0]({ url: `${ORIGIN}/`, responseHeaders }, callback);
    return (callback.mock.calls[0]![0] as { responseHeaders: Record<string, string[]> }).responseHeaders;
  };
  return { request, check, headersFor };
}

describe('session hardening', () => {
  it('denies camera, microphone, notifications, geolocation and the rest to the designer', () => {
    const { request, check } = hardenedSession();
    for (const permission of ['media', 'notifications', 'geolocation', 'clipboard-read', 'openExternal', 'fullscreen', 'hid', 'unknown']) {
      expect(request(permission, `${ORIGIN}/`)).toBe(false);
      expect(check(permission, ORIGIN)).toBe(false);
    }
  });

  it('lets only the designer itself write to the clipboard', () => {
    const { request, check } = hardenedSession();
    expect(request('clipboard-sanitized-write', `${ORIGIN}/`)).toBe(true);
    expect(check('clipboard-sanitized-write', ORIGIN)).toBe(true);
    expect(request('clipboard-sanitized-write', 'https://example.com/')).toBe(false);
    expect(check('clipboard-sanitized-write', 'http://127.0.0.1:9999')).toBe(false);
  });

  it('adds the designer policy to a response that has none', () => {
    const { headersFor } = hardenedSession();
    const headers = headersFor({ 'Content-Type': ['text/html'] });
    expect(headers['Content-Security-Policy']).toEqual([DESIGNER_CSP]);
    expect(headers['Content-Type']).toEqual(['text/html']);
    expect(headersFor(undefined)['Content-Security-Policy']).toEqual([DESIGNER_CSP]);
  });

  it('keeps a policy the server sent beside its own, whatever the header case', () => {
    const headers = withContentSecurityPolicy({ 'content-security-policy': ["default-src 'none'"] }, DESIGNER_CSP);
    expect(headers).toEqual({ 'Content-Security-Policy': ["default-src 'none'", DESIGNER_CSP] });
  });

  it('does not repeat the policy the server already sent', () => {
    expect(withContentSecurityPolicy({ 'Content-Security-Policy': [DESIGNER_CSP] }, DESIGNER_CSP)['Content-Security-Policy']).toEqual([DESIGNER_CSP]);
  });

  it('enforces a policy without inline scripts or foreign origins', () => {
    expect(DESIGNER_CSP).toContain("script-src 'self'");
    expect(DESIGNER_CSP).not.toContain('unsafe-inline');
    expect(DESIGNER_CSP).not.toContain('unsafe-eval');
    expect(DESIGNER_CSP).toContain("object-src 'none'");
  });
});
