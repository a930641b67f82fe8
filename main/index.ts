/**
 * Composition root of the desktop app: each step wires one module (see main/app/), in the order
 * startup-order.ts pins: the window (or the tray icon, when starting hidden) first, the keychain and
 * tray-host checks after it in the background. One instance only (second launches and deep links go to the
 * first); closing the window hides it while a tray can bring it back (else quits, tray-host.ts), Quit really
 * quits; a failed start says why in a native dialog.
 */
import { resolve } from 'node:path';
import { app, dialog, Menu } from 'electron';
import type { NavigateTarget } from '../common/ipc';
import { setupHandlers } from './app/handlers/app-handlers';
import type { AppHandlers } from './app/handlers/handlers';
import { setupIntegration, type Integration } from './app/desktop/app-integration';
import { createAppSecrets } from './app/platform/app-secrets';
import { openAppSettings } from './app/platform/app-settings';
import type { SecretSwitch } from './app/platform/secret-switch';
import { send } from './app/ipc/ipc';
import { isQuitting, markQuitting } from './app/windows/lifecycle';
import { log, setupLogging } from './app/platform/log';
import { setupSecurity } from './app/windows/security';
import { boundsStore } from './app/handlers/settings-port';
import { registerProtocol, setupSingleInstance, type SingleInstance } from './app/desktop/single-instance';
import { guardQuit } from './app/platform/quit-guard';
import { startupFailureMessage } from './app/startup/failure-message';
import { publishStartupReport } from './app/startup/startup-report';
import { closeBehaviour, mustShowWindow, runStartup, startsHidden } from './app/startup/startup-order';
import type { TrayHandle } from './app/tray/tray';
import { setupAppTray } from './app/tray/tray-app';
import { showNotice } from './app/desktop/notify';
import { setupRemoteLinkNotices } from './app/desktop/remote-link-notice';
import { closeAction } from './app/tray/tray-host';
import { appMenuTemplate } from './app/windows/app-menu';
import {
  createMainWindow,
  getMainWindow,
  setCloseBehaviour,
  showMainWindow,
  type BoundsStore,
} from './app/windows/window';

function onReady(single: SingleInstance): void {
  let settings!: ReturnType<typeof openAppSettings>;
  let secrets!: SecretSwitch;
  let handlers!: AppHandlers;
  let tray: TrayHandle | null = null;
  let integration: Integration | null = null;
  let stopRemoteLinkNotices: (() => void) | null = null;
  let hidden = false;
  const startup = publishStartupReport();
  let bounds!: BoundsStore;
  const show = (target: NavigateTarget | null): void => {
    const win = showMainWindow(bounds);
    if (!target) return;
    if (win.webContents.isLoading()) win.webContents.once('did-finish-load', () => send('navigate', target));
    else send('navigate', target);
  };

  app.on('will-quit', () => {
    tray?.dispose();
    stopRemoteLinkNotices?.();
    integration?.dispose();
    void handlers?.dispose();
  });
  const { background } = runStartup(
    {
      menu: () =>
        Menu.setApplicationMenu(
          Menu.buildFromTemplate(appMenuTemplate({ platform: process.platform, packaged: app.isPackaged })),
        ),
      settings: () => {
        settings = openAppSettings();
        bounds = boundsStore(settings, (error) => log.warn('window bounds not saved:', error));
      },
      secrets: () => (secrets = createAppSecrets()),
      handlers: () => {
        handlers = setupHandlers(settings, secrets, () => integration);
        secrets.onChange((health) => {
          send('keychain:changed', health);
          handlers.refresh().catch((error: unknown) => log.error('instances after keychain change:', error));
        });
      },
      tray: () => {
        const handle = setupAppTray({
          handlers,
          preferences: () => integration?.preferences() ?? settings.getPreferences(),
          attention: () => integration?.attention.ids() ?? [],
          show,
        });
        tray = handle;
        startup.report.trayExists = () => handle.exists();
        setCloseBehaviour(() => closeBehaviour('unknown'));
        stopRemoteLinkNotices = setupRemoteLinkNotices({
          remoteLinks: handlers.remoteLinks,
          label: (id) => handlers.registry.find(id)?.label || id,
          enabled: () => settings.getPreferences().notifications,
          windowShowing: () => Boolean(getMainWindow()?.isVisible() && !getMainWindow()?.isMinimized()),
          showNotice,
          show,
        });
      },
      integration: () => {
        integration = setupIntegration({ handlers, settings, single, show });
        integration.attention.subscribe(() => tray?.refresh());
      },
      window: () => {
        hidden = startsHidden({
          launchedAtLogin: integration!.launchAtLogin.wasLaunchedAtLogin(),
          startHidden: settings.getPreferences().startHidden,
        });
        if (!getMainWindow()) createMainWindow(bounds, { show: !hidden }); // the tray may have opened it
      },
      'launch-requests': () => {
        if (single.launch.target) show(single.launch.target);
        single.onOpen((request) => {
          for (const error of request.errors) log.warn(`launch request refused: ${error}`);
          show(request.target);
        });
        registerProtocol();
        app.on('activate', () => show(null));
      },
      keychain: async () => {
        await secrets.recheck();
      },
      'tray-host': async () => {
        const hasHost = await tray!.hasHost;
        startup.report.trayHost = hasHost;
        integration?.setHasTray(hasHost);
        setCloseBehaviour(() => closeAction(process.platform, hasHost));
        if (mustShowWindow({ startedHidden: hidden, hasTrayHost: hasHost })) show(null);
      },
    },
    (step, error) => log.error(`startup: ${step} failed:`, error),
    startup.mark,
  );
  void background.then(() => log.info('startup: steps done (ms since launch):', startup.report.steps));
}

/** A startup that failed says why (one sentence and the log file) and exits. */
function failStartup(error: unknown): void {
  log.error('startup failed:', error);
  let logPath = app.getPath('logs');
  try {
    logPath = log.transports.file.getFile().path;
  } catch {
    // The log file itself may be what failed; its folder is the next best thing to name.
  }
  const { title, content } = startupFailureMessage(error, logPath);
  dialog.showErrorBox(title, content);
  app.exit(1);
}

// The CLI's WAWP_LINK_CONFIG_DIR moves the app's data too (one settings.json); before the single-instance lock.
const configDir = process.env.WAWP_LINK_CONFIG_DIR?.trim();
if (configDir) app.setPath('userData', resolve(configDir));
const single = setupSingleInstance();
if (single) {
  setupLogging();
  setupSecurity();
  app.on('before-quit', markQuitting);
  guardQuit({ onQuit: (listener) => app.on('quit', listener), log: (message) => log.warn(message) });
  app.on('window-all-closed', () => {
    if (isQuitting()) app.quit();
  });
  app
    .whenReady()
    .then(() => onReady(single))
    .catch(failStartup);
}
