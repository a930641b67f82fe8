/**
 * app-protocol.ts against a stand-in for Electron's `protocol` (the only Electron object it touches): the
 * scheme is registered as standard + secure, and the handler answers from a real folder with the CSP
 * header, refusing traversal and unknown files.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { APP_CSP } from '../../main/app/windows/app-protocol-resolve';

const registered: unknown[] = [];
const handlers = new Map<string, (request: Request) => Promise<Response>>();
vi.mock('electron', () => ({
  protocol: {
    registerSchemesAsPrivileged: (schemes: unknown[]) => registered.push(...schemes),
    handle: (scheme: string, handler: (request: Request) => Promise<Response>) =>
      handlers.set(scheme, handler),
  },
}));
vi.mock('../../main/app/platform/log', () => ({ log: { warn: vi.fn(), info: vi.fn(), error: vi.fn() } }));

const { registerAppScheme, serveAppScheme } = await import('../../main/app/windows/app-protocol');

const root = mkdtempSync(join(tmpdir(), 'wawp-app-protocol-'));
mkdirSync(join(root, 'assets'));
writeFileSync(join(root, 'index.html'), '<!doctype html><title>wawp-link</title>');
writeFileSync(join(root, 'assets', 'app.js'), 'export {};');
writeFileSync(join(root, '..', 'wawp-secret.js'), 'secret');
afterAll(() => {
  rmSync(root, { recursive: true, force: true });
  rmSync(join(root, '..', 'wawp-secret.js'), { force: true });
});

describe('the app:// scheme', () => {
  it('is registered as standard and secure, nothing more', () => {
    registerAppScheme();
    expect(registered).toEqual([{ scheme: 'app', privileges: { standard: true, secure: true } }]);
  });

  it('serves the built page with the CSP header and its type', async () => {
    serveAppScheme(root);
    const response = await handlers.get('app')!(new Request('app://wawp-link/index.html'));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toBe(APP_CSP);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await response.text()).toContain('<title>wawp-link</title>');
    const script = await handlers.get('app')!(new Request('app://wawp-link/assets/app.js'));
    expect(await script.text()).toBe('export {};');
  });

  it('refuses traversal, other hosts and missing files without reading them', async () => {
    const handle = handlers.get('app')!;
    const raw = { url: 'app://wawp-link/../wawp-secret.js' } as Request; // as written, before URL parsing
    expect((await handle(raw)).status).toBe(400);
    expect((await handle(new Request('app://elsewhere/index.html'))).status).toBe(403);
    expect((await handle(new Request('app://wawp-link/missing.js'))).status).toBe(404);
  });
});
