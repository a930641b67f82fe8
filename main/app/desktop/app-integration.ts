/**
 * Desktop integration around the window: second launches and deep links, launch at login, the global
 * shortcut, background health with "Re-link" notifications. Built from the issue-8 modules; call after ready.
 */
import type { NavigateTarget, Preferences } from '../../../common/ipc';
import type { Settings } from '../../store/settings';
import type { AppHandlers } from '../handlers/handlers';
import { setupHealth } from './health-setup';
import { setupLaunchAtLogin, type LaunchAtLogin } from './launch-at-login';
import { log } from '../platform/log';
import { setupNotifications } from './notify';
import { setupShortcut } from './shortcut';
import type { SingleInstance } from './single-instance';

export interface Integration {
  launchAtLogin: LaunchAtLogin;
  /** Applies preferences that reach outside the app (login item, global shortcut). */
  applyPreferences(preferences: Preferences): void;
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
  const notifier = setupNotifications({
    label: (id) => handlers.registry.find(id)?.label ?? id,
    enabled: () => settings.getPreferences().notifications,
    relink: (id) => show({ view: 'login', instanceId: id }),
  });
  const health = setupHealth({
    ids: () => handlers.registry.list().flatMap((instance) => (instance.isDemo ? [] : [instance.id])),
    check: (id, signal) => handlers.checkStatus(id, signal),
    skip: (id) => handlers.manager.isActive(id),
    onTransition: (transition) => {
      if (transition.to.kind === 'status') notifier.observe(transition.id, transition.to.status);
    },
  });
  let knownKey = '';
  const stopForgetting = handlers.onInstancesChanged((views) => {
    const known = new Set(views.map((view) => view.id));
    const key = [...known].sort().join(',');
    if (key === knownKey) return; // a status change, not an added or removed instance
    knownKey = key;
    for (const id of health.scheduler.states().keys()) if (!known.has(id)) notifier.forget(id);
    health.scheduler.refresh();
  });

  const applyPreferences = (preferences: Preferences): void => {
    if (launchAtLogin.isEnabled() !== preferences.launchAtLogin) {
      const result = launchAtLogin.setEnabled(preferences.launchAtLogin);
      if (!result.ok) log.warn(`launch at login: ${result.reason}`);
    }
    const registered = shortcut.apply(preferences.globalShortcut);
    if (!registered.ok) log.warn(`global shortcut: ${registered.reason}`);
  };
  applyPreferences(settings.getPreferences());

  return {
    launchAtLogin,
    applyPreferences,
    dispose() {
      stopForgetting();
      health.dispose();
      shortcut.dispose();
    },
  };
}
