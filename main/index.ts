/**
 * Composition root of the desktop app: each line wires one module (see main/app/). One instance only; the
 * window hides on close (the tray keeps the app alive) and Quit really quits.
 */
import { app } from 'electron';
import { setupHandlers } from './app/app-handlers';
import { setupSecrets } from './app/app-secrets';
import { openAppSettings } from './app/app-settings';
import { isQuitting, markQuitting } from './app/lifecycle';
import { log, setupLogging } from './app/log';
import { setupSecurity } from './app/security';
import { boundsStore } from './app/settings-port';
import { createMainWindow, showMainWindow, type BoundsStore } from './app/window';

async function onReady(): Promise<void> {
  const settings = openAppSettings();
  const secrets = await setupSecrets();
  const handlers = setupHandlers(settings, secrets);
  const bounds: BoundsStore = boundsStore(settings, (error) => log.warn('window bounds not saved:', error));
  createMainWindow(bounds, { show: true });
  app.on('second-instance', () => showMainWindow(bounds));
  app.on('activate', () => showMainWindow(bounds));
  app.on('will-quit', () => void handlers.dispose());
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  setupLogging();
  setupSecurity();
  app.on('before-quit', markQuitting);
  app.on('window-all-closed', () => {
    if (isQuitting()) app.quit();
  });
  app
    .whenReady()
    .then(onReady)
    .catch((error: unknown) => {
      log.error('startup failed:', error);
      app.exit(1);
    });
}
