/**
 * Serves the built renderer (out/renderer) at http://app.test/ through page routing (Playwright cannot
 * register the app's own `app://` scheme) with the app's own rules: the same resolver
 * (main/app/windows/app-protocol-resolve.ts) picks the file and the same CSP header goes out. Every other
 * request is aborted: the renderer does no networking.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { BrowserContext } from 'playwright-core';
import { APP_CSP, resolveAppRequest } from '../../../main/app/windows/app-protocol-resolve';

/** The origin the renderer is served from. */
export const APP_ORIGIN = 'http://app.test';

/** The built renderer's folder (`npm run build` makes it). */
export const RENDERER_DIR = resolve(import.meta.dirname, '../../../out/renderer');

/** Installs the routes on the context; `blocked` collects every URL that was refused. */
export async function serveRenderer(
  context: BrowserContext,
  blocked: string[],
  dir = RENDERER_DIR,
): Promise<void> {
  if (!existsSync(join(dir, 'index.html')))
    throw new Error(`No built renderer in ${dir}: run \`npm run build\` before the browser tests.`);
  await context.route('**/*', async (route) => {
    const url = route.request().url();
    if (new URL(url).origin !== APP_ORIGIN) {
      blocked.push(url);
      return route.abort('blockedbyclient');
    }
    const resource = resolveAppRequest(url, dir, APP_ORIGIN);
    if (!resource.ok || !existsSync(resource.path))
      return route.fulfill({ status: resource.ok ? 404 : resource.status, body: 'not found' });
    return route.fulfill({
      status: 200,
      contentType: resource.contentType,
      headers: { 'content-security-policy': APP_CSP, 'x-content-type-options': 'nosniff' },
      body: readFileSync(resource.path),
    });
  });
}
