/**
 * Serves the renderer from `app://wawp-link/` instead of `file://` (Electron's security checklist):
 * the scheme is registered as privileged before `ready` and handled with `protocol.handle` at `ready`,
 * reading only what resolveAppRequest allows, with the CSP as a response header.
 * https://www.electronjs.org/docs/latest/api/protocol#protocolhandlescheme-handler
 */
import { readFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { protocol } from 'electron';
import { log } from '../platform/log';
import { APP_CSP, APP_SCHEME, APP_SCHEME_PRIVILEGES, resolveAppRequest } from './app-protocol-resolve';
import { RENDERER_INDEX } from './window-options';

/** Registers `app:` as a standard, secure scheme; must run before the app is ready. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { ...APP_SCHEME_PRIVILEGES } }]);
}

/** Answers `app://wawp-link/…` from the built renderer folder; call once the app is ready. */
export function serveAppScheme(root: string = dirname(RENDERER_INDEX)): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const resource = resolveAppRequest(request.url, root);
    if (!resource.ok) {
      log.warn(`app protocol: refused a request (${resource.reason})`);
      return new Response(null, { status: resource.status });
    }
    try {
      const body = await readFile(resource.path);
      return new Response(body, {
        headers: {
          'content-type': resource.contentType,
          'content-security-policy': APP_CSP,
          'x-content-type-options': 'nosniff',
        },
      });
    } catch {
      return new Response(null, { status: 404 });
    }
  });
}
