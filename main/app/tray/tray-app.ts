/**
 * Connects the tray to the app: its state comes from the instance views and the status cache (errors seen
 * by background health or a stopped session become the instance's "problem"), and its actions open views,
 * restart or log out sessions (after a confirmation dialog), copy ids, and toggle launch at login.
 */
import { app, clipboard, dialog } from 'electron';
import type { InstanceView, NavigateTarget, Preferences, Result } from '../../../common/ipc';
import type { AppHandlers } from '../handlers/handlers';
import { log } from '../platform/log';
import { setupTray, type TrayHandle } from './tray';
import type { TrayActions, TrayInstance } from './tray-menu';
import { problemTitle } from './tray-problem';

export interface AppTrayOptions {
  handlers: AppHandlers;
  /** Preferences with launch at login as the OS has it. */
  preferences: () => Preferences;
  /** Instances whose notification the OS refused: listed at the top of the menu (refresh() on change). */
  attention?: () => readonly string[];
  /** Shows the window, opening `target` when given. */
  show: (target: NavigateTarget | null) => void;
  /** Default `app.quit()` (before-quit marks the app as quitting, so the window really closes). */
  quit?: () => void;
}

/** Confirms "Log out…" with a native dialog; true when the user chose Log out. */
async function confirmLogout(label: string): Promise<boolean> {
  const { response } = await dialog.showMessageBox({
    type: 'warning',
    buttons: ['Log out', 'Cancel'],
    defaultId: 1,
    cancelId: 1,
    message: `Log out ${label}?`,
    detail: 'WhatsApp will be unlinked from this instance. To link it again you will scan a new QR code.',
  });
  return response === 0;
}

function report(what: string, result: Promise<Result<unknown>>, then?: () => void): void {
  result
    .then((outcome) => {
      if (!outcome.ok) log.warn(`tray: ${what} failed: ${outcome.reason}`);
    })
    .catch((error: unknown) => log.error(`tray: ${what} failed:`, error))
    .finally(then);
}

/** Creates the tray over the app's handlers; call after ready, dispose on quit. */
export function setupAppTray(options: AppTrayOptions): TrayHandle {
  const { handlers, show } = options;
  let views: InstanceView[] = [];
  const toTray = (view: InstanceView): TrayInstance => {
    const entry = handlers.manager.status(view.id);
    return { ...view, problem: !entry.active && entry.error ? problemTitle(entry.error, view) : null };
  };
  const label = (id: string): string => views.find((view) => view.id === id)?.label || id;

  const actions: TrayActions = {
    login: (id) => show({ view: 'login', instanceId: id }),
    pairing: (id) => show({ view: 'pairing', instanceId: id }),
    remoteLink: (id) => show({ view: 'remote-link', instanceId: id }),
    restart: (id) => report('restart', handlers.channels['login:restart'](id)),
    logout: (id) => {
      void confirmLogout(label(id))
        .then(async (yes) => {
          if (!yes) return;
          const outcome = await handlers.logoutInstance(id);
          if (outcome.ok) return;
          await dialog.showMessageBox({
            type: 'error',
            message: `${label(id)} could not be logged out`,
            detail: `${outcome.error.message} Try again, or log out from the phone: WhatsApp → Linked devices.`,
          });
        })
        .catch((error: unknown) => log.error('tray: log out failed:', error));
    },
    copy: (id) => {
      clipboard.writeText(id).catch((error: unknown) => log.error('tray: copy failed:', error));
    },
    add: () => show({ view: 'add' }),
    linkAll: () => show({ view: 'batch' }),
    open: () => show(null),
    // The native checkbox flips itself on click: redraw from the saved preference whatever happened.
    toggleLaunchAtLogin: () =>
      report(
        'launch at login',
        handlers.channels['settings:set']({ launchAtLogin: !options.preferences().launchAtLogin }),
        () => tray.refresh(true),
      ),
    quit: options.quit ?? (() => app.quit()),
  };

  const tray: TrayHandle = setupTray({
    state: () => ({
      instances: views.map(toTray),
      launchAtLogin: options.preferences().launchAtLogin,
      attention: options.attention?.() ?? [],
    }),
    actions,
    subscribe: (listener) =>
      handlers.onInstancesChanged((next) => {
        views = next;
        listener();
      }),
  });
  handlers
    .views()
    .then((initial) => {
      views = initial;
      tray.refresh();
    })
    .catch((error: unknown) => log.error('tray: could not list instances:', error));
  return tray;
}
