/**
 * Desktop integration around the window: launch at login, the global shortcut, background health with
 * "Link again" notifications (and their fallback: the tray and an in-app banner when the OS refuses them),
 * and what Settings shows about all of it, read from the OS. Call after ready.
 */
import type { DesktopBanner, DesktopStatusView, NavigateTarget, Preferences } from '../../../common/ipc';
import type { Settings } from '../../store/settings';
import type { AppHandlers } from '../handlers/handlers';
import { send } from '../ipc/ipc';
import { log } from '../platform/log';
import { desktopNotes } from './desktop-notes';
import { launchAtLoginChange, withOsLaunchAtLogin } from './desktop-preferences';
import { setupHealth } from './health-setup';
import { setupLaunchAtLogin, type LaunchAtLogin } from './launch-at-login';
import { setupNotifications } from './notify';
import { setupShortcut } from './shortcut';
import type { SingleInstance } from './single-instance';

/** Instances whose "Link again" notification the OS refused: the tray lists them until they are linked. */
export interface Attention {
  ids(): string[];
  /** Calls `listener` when the list changes; returns the unsubscribe function. */
  subscribe(listener: () => void): () => void;
}

export interface Integration {
  launchAtLogin: LaunchAtLogin;
  /** Applies a settings change that reaches outside the app (login item only when it was changed, shortcut). */
  applyPreferences(preferences: Preferences, patch: Partial<Preferences>): void;
  /** The saved preferences with launch at login as the OS has it (tray checkbox). */
  preferences(): Preferences;
  /** What Settings shows about the desktop integration. */
  status(): DesktopStatusView;
  attention: Attention;
  /** Tells the integration whether a tray host shows the icon (for Settings' notes). */
  setHasTray(hasTray: boolean): void;
  dispose(): void;
}

/** Wires everything but second launches (index.ts does, once the window exists); `show(target)` opens a view. */
export function setupIntegration(options: {
  handlers: AppHandlers;
  settings: Settings;
  single: SingleInstance;
  show: (target: NavigateTarget | null) => void;
}): Integration {
  const { handlers, settings, single, show } = options;
  const launchAtLogin = setupLaunchAtLogin(single.launch.hidden);
  const shortcut = setupShortcut(() => show({ view: 'list' }));
  const banners = new Map<string, DesktopBanner>();
  const listeners = new Set<() => void>();
  const changed = (): void => listeners.forEach((listener) => listener());
  let notificationsFailed = false;
  let hasTray = true;
  const clearBanner = (id: string): void => {
    if (banners.delete(id)) changed();
  };
  const notifier = setupNotifications({
    label: (id) => handlers.registry.find(id)?.label || id,
    enabled: () => settings.getPreferences().notifications,
    relink: (id) => show({ view: 'login', instanceId: id }),
    failed: (id, error) => {
      log.warn(`notifications: the OS did not show one (${error}); using the tray and an in-app banner`);
      notificationsFailed = true;
      const banner: DesktopBanner = {
        kind: 'relink',
        instanceId: id,
        label: handlers.registry.find(id)?.label || id,
      };
      banners.set(id, banner);
      send('desktop:banner', banner);
      changed();
    },
  });
  const health = setupHealth({
    ids: () => handlers.registry.list().flatMap((instance) => (instance.isDemo ? [] : [instance.id])),
    check: (id, signal) => handlers.checkStatus(id, signal),
    skip: (id) => handlers.manager.isActive(id),
    onTransition: (transition) => {
      if (transition.to.kind !== 'status') return;
      if (transition.to.status === 'WORKING') clearBanner(transition.id);
      notifier.observe(transition.id, transition.to.status);
    },
  });
  let knownKey = '';
  const stopForgetting = handlers.onInstancesChanged((views) => {
    const known = new Set(views.map((view) => view.id));
    for (const view of views) if (view.status === 'WORKING') clearBanner(view.id);
    const key = [...known].sort().join(',');
    if (key === knownKey) return; // a status change, not an added or removed instance
    knownKey = key;
    for (const id of health.scheduler.states().keys()) if (!known.has(id)) notifier.forget(id);
    for (const id of [...banners.keys()]) if (!known.has(id)) clearBanner(id);
    health.scheduler.refresh();
  });
  const osLaunchAtLogin = (): boolean | null => {
    try {
      return launchAtLogin.isEnabled();
    } catch (error) {
      log.warn('launch at login: the OS state could not be read:', error);
      return null;
    }
  };

  const applyPreferences = (preferences: Preferences, patch: Partial<Preferences>): void => {
    const wanted = launchAtLoginChange(patch, osLaunchAtLogin());
    if (wanted !== null) {
      const result = launchAtLogin.setEnabled(wanted);
      if (!result.ok) log.warn(`launch at login: ${result.reason}`);
    }
    const registered = shortcut.apply(preferences.globalShortcut);
    if (!registered.ok) log.warn(`global shortcut: ${registered.reason}`);
  };
  // At start only the shortcut is applied: launch at login is whatever the OS says.
  applyPreferences(settings.getPreferences(), {});

  return {
    launchAtLogin,
    applyPreferences,
    preferences: () => withOsLaunchAtLogin(settings.getPreferences(), osLaunchAtLogin()),
    status: () => ({
      launchAtLogin: osLaunchAtLogin(),
      shortcut: shortcut.status(),
      notes: desktopNotes({
        platform: process.platform,
        env: process.env,
        argv: process.argv,
        hasTray,
        notificationsFailed,
      }),
      banners: [...banners.values()],
    }),
    attention: {
      ids: () => [...banners.keys()],
      subscribe(listener) {
        listeners.add(listener);
        return () => listeners.delete(listener);
      },
    },
    setHasTray(value) {
      hasTray = value;
    },
    dispose() {
      stopForgetting();
      health.dispose();
      shortcut.dispose();
    },
  };
}
