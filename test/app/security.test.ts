/**
 * security.ts against stand-ins for the few Electron objects it touches: navigation and pop-ups are denied,
 * only allow-listed https links reach the browser, webviews are refused, every permission is denied.
 */
import { describe, expect, it, vi } from 'vitest';

const appHandlers = new Map<string, (...args: unknown[]) => void>();
const openExternal = vi.fn((_url: string) => Promise.resolve());
let requestHandler: ((c: unknown, permission: string, callback: (granted: boolean) => void) => void) | null =
  null;
let checkHandler: ((...args: unknown[]) => boolean) | null = null;

vi.mock('electron', () => ({
  app: {
    on: (event: string, fn: (...args: unknown[]) => void) => appHandlers.set(event, fn),
    whenReady: () => Promise.resolve(),
  },
  session: {
    defaultSession: {
      setPermissionRequestHandler: (fn: typeof requestHandler) => (requestHandler = fn),
      setPermissionCheckHandler: (fn: typeof checkHandler) => (checkHandler = fn),
    },
  },
  shell: { openExternal },
  protocol: { registerSchemesAsPrivileged: vi.fn(), handle: vi.fn() },
}));
vi.mock('../../main/app/platform/log', () => ({ log: { warn: vi.fn(), info: vi.fn(), error: vi.fn() } }));

const { setupSecurity } = await import('../../main/app/windows/security');

function fakeContents() {
  const listeners = new Map<string, (...args: unknown[]) => void>();
  let openHandler: ((details: { url: string }) => { action: string }) | null = null;
  return {
    on: (event: string, fn: (...args: unknown[]) => void) => listeners.set(event, fn),
    setWindowOpenHandler: (fn: typeof openHandler) => (openHandler = fn),
    emit(event: string, url = '') {
      const preventDefault = vi.fn();
      listeners.get(event)?.({ preventDefault }, url);
      return preventDefault.mock.calls.length > 0;
    },
    open: (url: string) => openHandler?.({ url }),
  };
}

describe('security hardening', () => {
  it('denies navigation, redirects, webviews and pop-ups; opens only allow-listed https links outside', async () => {
    setupSecurity();
    await new Promise((resolve) => setImmediate(resolve)); // the handlers are installed once ready
    const contents = fakeContents();
    appHandlers.get('web-contents-created')?.({}, contents);
    expect(contents.emit('will-navigate', 'https://evil.example/')).toBe(true);
    expect(contents.emit('will-navigate', 'https://help.wawp.net/en/articles/x')).toBe(true);
    expect(contents.emit('will-redirect', 'https://evil.example/')).toBe(true);
    expect(contents.emit('will-attach-webview')).toBe(true);
    expect(contents.open('https://docs.wawp.net/')).toEqual({ action: 'deny' });
    expect(contents.open('http://docs.wawp.net/')).toEqual({ action: 'deny' });
    expect(contents.open('file:///etc/passwd')).toEqual({ action: 'deny' });
    expect(openExternal.mock.calls.map(([url]) => url)).toEqual([
      'https://help.wawp.net/en/articles/x',
      'https://docs.wawp.net/',
    ]);
  });

  it('denies every permission request and check', async () => {
    setupSecurity();
    await new Promise((resolve) => setImmediate(resolve)); // the handlers are installed once ready
    const answers: boolean[] = [];
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal'])
      requestHandler?.({}, permission, (granted) => answers.push(granted));
    expect(answers).toEqual([false, false, false, false, false]);
    expect(checkHandler?.({}, 'media')).toBe(false);
  });
});
