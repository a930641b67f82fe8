/**
 * App-wide hardening applied to every webContents as it is created: no navigation, no pop-ups (allow-listed
 * https links open in the browser instead), no webviews, every permission request denied; the renderer is
 * served from the app's own `app://` scheme (app-protocol.ts), not `file://`.
 * See https://www.electronjs.org/docs/latest/tutorial/security
 */
import { app, session, shell, type WebContents } from 'electron';
import { log } from '../platform/log';
import { registerAppScheme, serveAppScheme } from './app-protocol';
import { isAllowedExternalUrl } from './security-policy';

function openExternally(url: string): void {
  if (!isAllowedExternalUrl(url)) {
    log.warn('security: refused to open a link that is not on the allow list');
    return;
  }
  shell.openExternal(url).catch((error: unknown) => log.warn('security: could not open link', error));
}

/** Locks down one webContents (called for every one, via `web-contents-created`). */
export function hardenContents(contents: WebContents): void {
  contents.on('will-navigate', (event, url) => {
    event.preventDefault();
    openExternally(url);
  });
  contents.on('will-redirect', (event) => event.preventDefault());
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    openExternally(url);
    return { action: 'deny' };
  });
}

/**
 * Installs the hardening; call before the app is ready (the app scheme must be registered before, and is
 * served as soon as it is — before any window loads it).
 */
export function setupSecurity(): void {
  registerAppScheme();
  app.on('web-contents-created', (_event, contents) => hardenContents(contents));
  void app.whenReady().then(() => {
    serveAppScheme();
    session.defaultSession.setPermissionRequestHandler((_contents, permission, callback) => {
      log.info(`security: denied permission request "${permission}"`);
      callback(false);
    });
    session.defaultSession.setPermissionCheckHandler(() => false);
  });
}
