/**
 * The renderer's own origin, `app://wawp-link/`, as pure data and one pure function: which file a
 * request may read. Electron's security checklist prefers a custom protocol over `file://` (a page on
 * file:// may read every local file its URL can name). Only files under the built renderer folder with a
 * known type are served; dot segments, encoded separators, backslashes and NUL bytes are refused before
 * any path is built. No electron import: the browser harness serves the renderer with this same function.
 * https://www.electronjs.org/docs/latest/tutorial/security#18-avoid-usage-of-the-file-protocol-and-prefer-usage-of-custom-protocols
 */
import { extname, isAbsolute, join, relative, sep } from 'node:path';

export const APP_SCHEME = 'app';
export const APP_HOST = 'wawp-link';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
/** What the main window loads. */
export const APP_INDEX_URL = `${APP_ORIGIN}/index.html`;

/**
 * The scheme's privileges (protocol.registerSchemesAsPrivileged): a standard, secure origin so module
 * scripts and the CSP's 'self' work; never `bypassCSP`, no service workers, no fetch API (the renderer
 * does no networking).
 */
export const APP_SCHEME_PRIVILEGES = { standard: true, secure: true } as const;

/**
 * The page's policy, sent as a response header. The meta tag in renderer/index.html carries the same
 * directives except `frame-ancestors`, which browsers ignore in a meta tag.
 */
export const APP_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

const TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
};

export type AppResource =
  { ok: true; path: string; contentType: string } | { ok: false; status: 400 | 403 | 404; reason: string };

function refuse(status: 400 | 403 | 404, reason: string): AppResource {
  return { ok: false, status, reason };
}

/**
 * Maps a request URL to a file under `root` (an absolute folder), or says why not. `origin` is the only
 * origin served (app://wawp-link in the app, the harness's origin in tests). Query and fragment are ignored.
 */
export function resolveAppRequest(rawUrl: string, root: string, origin: string = APP_ORIGIN): AppResource {
  if (!isAbsolute(root)) return refuse(403, 'the renderer folder is not absolute');
  let url: URL;
  try {
    url = new URL(rawUrl);
  } catch {
    return refuse(400, 'not a URL');
  }
  if (url.origin !== origin && `${url.protocol}//${url.host}` !== origin) {
    return refuse(403, 'another origin');
  }
  if (url.username || url.password) return refuse(400, 'credentials in the URL');
  // Read the path as written, before URL parsing resolved any dot segments away.
  const rawPath = /^[a-z][a-z0-9+.-]*:\/\/[^/?#]*([^?#]*)/i.exec(rawUrl)?.[1] ?? '';
  const pathname = rawPath === '' || rawPath === '/' ? '/index.html' : rawPath;
  if (/%2f|%5c|%00/i.test(pathname)) return refuse(400, 'an encoded separator or NUL');
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return refuse(400, 'a malformed escape');
  }
  if (/[\\\0]/.test(decoded)) return refuse(400, 'a backslash or NUL');
  const segments = decoded.split('/').slice(1);
  if (segments.some((segment) => segment === '' || segment === '.' || segment === '..')) {
    return refuse(400, 'an empty or dot segment');
  }
  const path = join(root, ...segments);
  const inside = relative(root, path);
  if (inside === '' || inside.startsWith('..') || isAbsolute(inside) || !path.startsWith(root + sep)) {
    return refuse(403, 'outside the renderer folder');
  }
  const contentType = TYPES[extname(path).toLowerCase()];
  if (!contentType) return refuse(404, 'not a renderer file type');
  return { ok: true, path, contentType };
}
