/**
 * Composition root of the desktop app: each line wires one module (see main/app/). One instance only
 * (second launches and deep links go to the first); the window hides on close and Quit really quits.
 */
import { app } from 'electron';
import type { NavigateTarget } from '../common/ipc';
import { setupHandlers } from './app/handlers/app-handlers';
import { setupIntegration, type Integration } from './app/desktop/app-integration';
import { setupSecrets } from './app/platform/app-secrets';
import { openAppSettings } from './app/platform/app-settings';
import { send } from './app/ipc/ipc';
import { isQuitting, markQuitting } from './app/windows/lifecycle';
import { log, setupLogging } from './app/platform/log';
import { setupSecurity } from './app/windows/security';
import { boundsStore } from './app/handlers/settings-port';
import { registerProtocol, setupSingleInstance, type SingleInstance } from './app/desktop/single-instance';
import { setupAppTray } from './app/tray/tray-app';
import { showNotice } from './app/desktop/notify';
import { setupRemoteLinkNotices } from './app/desktop/remote-link-notice';
import { createMainWindow, getMainWindow, setCloseBehaviour, showMainWindow } from './app/windows/window';

async function onReady(single: SingleInstance): Promise<void> {
  const settings = openAppSettings();
  const secrets = await setupSecrets();
  let integration: Integration | null = null;
  const handlers = setupHandlers(settings, secrets, (preferences) =>
    integration?.applyPreferences(preferences),
  );
  const bounds = boundsStore(settings, (error) => log.warn('window bounds not saved:', error));
  const show = (target: NavigateTarget | null): void => {
    const win = showMainWindow(bounds);
    if (!target) return;
    if (win.webContents.isLoading()) win.webContents.once('did-finish-load', () => send('navigate', target));
    else send('navigate', target);
  };
  integration = setupIntegration({ handlers, settings, single, show });
  const tray = setupAppTray({ handlers, preferences: () => settings.getPreferences(), show });
  const stopRemoteLinkNotices = setupRemoteLinkNotices({
    remoteLinks: handlers.remoteLinks,
    label: (id) => handlers.registry.find(id)?.label || id,
    enabled: () => settings.getPreferences().notifications,
    windowShowing: () => Boolean(getMainWindow()?.isVisible() && !getMainWindow()?.isMinimized()),
    showNotice,
    show,
  });
  const hasTray = await tray.hasHost;
  setCloseBehaviour(() => (hasTray ? 'hide' : 'minimize'));
  const launchedAtLogin = integration.launchAtLogin.wasLaunchedAtLogin();
  const hidden = hasTray && launchedAtLogin && settings.getPreferences().startHidden;
  if (!getMainWindow()) createMainWindow(bounds, { show: !hidden }); // the tray may have opened it already
  if (single.launch.target) show(single.launch.target);
  single.onOpen((request) => {
    for (const error of request.errors) log.warn(`launch request refused: ${error}`);
    show(request.target);
  });
  registerProtocol();
  app.on('activate', () => show(null));
  app.on('will-quit', () => {
    tray.dispose();
    stopRemoteLinkNotices();
    integration?.dispose();
    void handlers.dispose();
  });
}

const single = setupSingleInstance();
if (single) {
  setupLogging();
  setupSecurity();
  app.on('before-quit', markQuitting);
  app.on('window-all-closed', () => {
    if (isQuitting()) app.quit();
  });
  app
    .whenReady()
    .then(() => onReady(single))
    .catch((error: unknown) => {
      log.error('startup failed:', error);
      app.exit(1);
    });
}
