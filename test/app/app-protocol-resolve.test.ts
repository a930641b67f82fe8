import { readFileSync } from 'node:fs';
import { resolve, sep } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  APP_CSP,
  APP_INDEX_URL,
  APP_SCHEME_PRIVILEGES,
  resolveAppRequest,
} from '../../main/app/windows/app-protocol-resolve';

const root = resolve('/opt/wawp-link/resources/app.asar/out/renderer');

describe('resolveAppRequest: what app://wawp-link/ may serve', () => {
  it('serves the page, its assets and / as index.html, with their types', () => {
    expect(resolveAppRequest(APP_INDEX_URL, root)).toEqual({
      ok: true,
      path: `${root}${sep}index.html`,
      contentType: 'text/html; charset=utf-8',
    });
    expect(resolveAppRequest('app://wawp-link/', root)).toMatchObject({
      ok: true,
      path: `${root}${sep}index.html`,
    });
    expect(resolveAppRequest('app://wawp-link/assets/index-AbC123.js?v=1#x', root)).toEqual({
      ok: true,
      path: `${root}${sep}assets${sep}index-AbC123.js`,
      contentType: 'text/javascript; charset=utf-8',
    });
    expect(resolveAppRequest('app://wawp-link/assets/a%20b.css', root)).toMatchObject({
      ok: true,
      path: `${root}${sep}assets${sep}a b.css`,
    });
  });

  it.each([
    ['app://wawp-link/../../etc/passwd', 400],
    ['app://wawp-link/assets/../../../etc/passwd', 400],
    ['app://wawp-link/%2e%2e/%2e%2e/etc/passwd', 400],
    ['app://wawp-link/assets%2f..%2f..%2fsecret.js', 400],
    ['app://wawp-link/..%5c..%5csecret.js', 400],
    ['app://wawp-link/assets\\..\\..\\secret.js', 400],
    ['app://wawp-link/index.html%00.js', 400],
    ['app://wawp-link//etc/passwd.js', 400],
    ['app://wawp-link/./index.html', 400],
    ['app://wawp-link/%E0%A4%A', 400],
    ['app://user:pw@wawp-link/index.html', 400],
    ['app://other/index.html', 403],
    ['file:///etc/passwd', 403],
    ['https://wawp-link/index.html', 403],
    ['not a url', 400],
    ['app://wawp-link/tokens.bin', 404],
    ['app://wawp-link/main.ts', 404],
  ])('refuses %s (%i)', (url, status) => {
    expect(resolveAppRequest(url, root)).toMatchObject({ ok: false, status });
  });

  it('refuses a relative root rather than guessing', () => {
    expect(resolveAppRequest(APP_INDEX_URL, 'out/renderer')).toMatchObject({ ok: false, status: 403 });
  });

  it('never resolves outside the renderer folder, whatever the path (property)', () => {
    const segment = fc.oneof(
      fc.constantFrom('..', '.', '%2e%2e', '%2E.', '..%2f', '%5c', '\\', '', 'assets', 'index.html', 'a.js'),
      fc.string({ maxLength: 6 }),
    );
    fc.assert(
      fc.property(fc.array(segment, { maxLength: 6 }), (segments) => {
        const result = resolveAppRequest(`app://wawp-link/${segments.join('/')}`, root);
        if (result.ok) expect(result.path.startsWith(root + sep)).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it('serves another origin only when asked to (the browser harness serves http://app.test)', () => {
    expect(resolveAppRequest('http://app.test/index.html', root, 'http://app.test')).toMatchObject({
      ok: true,
    });
    expect(resolveAppRequest(APP_INDEX_URL, root, 'http://app.test')).toMatchObject({
      ok: false,
      status: 403,
    });
  });
});

describe('the app scheme and its policy', () => {
  it('is standard and secure, and never bypasses the CSP', () => {
    expect(APP_SCHEME_PRIVILEGES).toEqual({ standard: true, secure: true });
  });

  it('sends the meta CSP plus frame-ancestors, which only works as a header', () => {
    const html = readFileSync(resolve(import.meta.dirname, '../../renderer/index.html'), 'utf8');
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1];
    expect(meta).toBeDefined();
    expect(meta).not.toContain('frame-ancestors');
    expect(APP_CSP).toBe(`${meta}; frame-ancestors 'none'`);
    expect(APP_CSP).not.toMatch(/unsafe|\*|https?:/);
  });
});
