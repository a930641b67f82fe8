/**
 * Serves the built renderer (out/renderer) at http://app.test/ through page routing (module scripts are
 * blocked from file:// in plain Chromium) and aborts every other request: the renderer does no networking.
 */
import { existsSync, readFileSync } from 'node:fs';
import { extname, join, normalize, sep } from 'node:path';
import type { BrowserContext } from 'playwright-core';

/** The origin the renderer is served from. */
export const APP_ORIGIN = 'http://app.test';

/** The built renderer's folder (`npm run build` makes it). */
export const RENDERER_DIR = join(import.meta.dirname, '../../../out/renderer');

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
};

/** Installs the routes on the context; `blocked` collects every URL that was refused. */
export async function serveRenderer(
  context: BrowserContext,
  blocked: string[],
  dir = RENDERER_DIR,
): Promise<void> {
  if (!existsSync(join(dir, 'index.html')))
    throw new Error(`No built renderer in ${dir}: run \`npm run build\` before the browser tests.`);
  await context.route('**/*', async (route) => {
    const url = new URL(route.request().url());
    if (url.origin !== APP_ORIGIN) {
      blocked.push(url.href);
      return route.abort('blockedbyclient');
    }
    const path = normalize(
      join(dir, decodeURIComponent(url.pathname === '/' ? '/index.html' : url.pathname)),
    );
    if (!path.startsWith(dir + sep) || !existsSync(path))
      return route.fulfill({ status: 404, body: 'not found' });
    return route.fulfill({
      status: 200,
      contentType: TYPES[extname(path)] ?? 'application/octet-stream',
      body: readFileSync(path),
    });
  });
}
