import { describe, expect, it, vi } from 'vitest';
import { navigationDecision, registerNavigationRules } from '../../electron/navigation-rules.js';
import { FakeWebContents, preventableEvent } from './fake-electron.js';

const ORIGIN = 'http://127.0.0.1:8080';

function guardedContents() {
  const contents = new FakeWebContents();
  const openExternal = vi.fn();
  registerNavigationRules(contents as never, ORIGIN, openExternal);
  const navigate = (event: 'will-navigate' | 'will-redirect', url: string) => {
    const details = preventableEvent({ url });
    contents.emit(event, details, url);
    return details.defaultPrevented;
  };
  return { contents, openExternal, navigate };
}

describe('navigation rules', () => {
  it('lets the window move within the server origin', () => {
    const { navigate, openExternal } = guardedContents();
    expect(navigate('will-navigate', `${ORIGIN}/?flow=1#token=abc`)).toBe(false);
    expect(navigate('will-redirect', `${ORIGIN}/_studio/ui/index.html`)).toBe(false);
    expect(openExternal).not.toHaveBeenCalled();
  });

  it('keeps the window in place and opens web links in the system browser', () => {
    const { navigate, openExternal } = guardedContents();
    expect(navigate('will-navigate', 'https://example.com/docs')).toBe(true);
    expect(openExternal).toHaveBeenCalledWith('https://example.com/docs');
  });

  it('stops a redirect to another origin', () => {
    const { navigate } = guardedContents();
    expect(navigate('will-redirect', 'http://127.0.0.1:9999/')).toBe(true);
  });

  it('treats another port or host on the same machine as another origin', () => {
    expect(navigationDecision('http://127.0.0.1:8081/', ORIGIN)).toBe('open-externally');
    expect(navigationDecision('http://localhost:8080/', ORIGIN)).toBe('open-externally');
  });

  it('blocks file, javascript and custom-scheme navigation without opening anything', () => {
    const { navigate, openExternal } = guardedContents();
    for (const url of ['file:///etc/passwd', 'javascript:alert(1)', 'smb://server/share', 'not a url']) {
      expect(navigate('will-navigate', url)).toBe(true);
    }
    expect(openExternal).not.toHaveBeenCalled();
  });

  it('denies every new window, opening only web links externally', () => {
    const { contents, openExternal } = guardedContents();
    expect(contents.windowOpenHandler?.({ url: 'https://example.com/' })).toEqual({ action: 'deny' });
    expect(contents.windowOpenHandler?.({ url: `${ORIGIN}/` })).toEqual({ action: 'deny' });
    expect(contents.windowOpenHandler?.({ url: 'file:///tmp/x.html' })).toEqual({ action: 'deny' });
    expect(openExternal.mock.calls).toEqual([['https://example.com/'], [`${ORIGIN}/`]]);
  });

  it('refuses to attach a webview', () => {
    const { contents } = guardedContents();
    const event = preventableEvent();
    contents.emit('will-attach-webview', event, {}, {});
    expect(event.defaultPrevented).toBe(true);
  });
});
