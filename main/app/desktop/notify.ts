/**
 * "Link again" notifications: when background health sees an instance leave WORKING, a native notification
 * offers to open its login view. Decisions come from the pure limiter (notify-limiter.ts); references are
 * kept by notification-keeper.ts for as long as a click can arrive. On Windows the toast carries its own
 * link and clicks arrive through `Notification.handleActivation`, so one clicked in Action Center after a
 * timeout (or after a restart) still works (windows-toast.ts). When the OS refuses a notification
 * (`failed`: macOS needs a signed app since Electron 42), `failed` tells the caller, which falls back to
 * the tray and an in-app banner. https://www.electronjs.org/docs/latest/api/notification
 */
import { app, Notification } from 'electron';
import type { SessionStatus } from '../../../common/model';
import { createNotificationKeeper } from './notification-keeper';
import { EMPTY_LIMITER, forgetInstance, observeStatus, type LimiterPolicy } from './notify-limiter';
import { activationTarget, appUserModelId, relinkLink, relinkToastXml } from './windows-toast';

export interface NotifyDeps {
  /** The instance's display label. */
  label(id: string): string;
  /** The user's "Notifications" preference. */
  enabled(): boolean;
  /** Opens the login view for the instance (shows the window). */
  relink(id: string): void;
  /** The OS did not show the notification for `id` (`error` is the OS's text, for the log only). */
  failed(id: string, error: string): void;
  now?: () => number;
  policy?: LimiterPolicy;
}

export interface Notifier {
  /** Feed every status health observes; shows a notification when an incident begins. */
  observe(id: string, status: SessionStatus): void;
  /** Forget a removed instance (and take its notification down). */
  forget(id: string): void;
}

const WHY: Partial<Record<SessionStatus, string>> = {
  SCAN_QR_CODE: 'is waiting for a new QR scan',
  STOPPED: 'was stopped',
  FAILED: 'failed',
};

/** Creates the notifier; call after ready. */
export function setupNotifications(deps: NotifyDeps): Notifier {
  const windows = process.platform === 'win32';
  const keeper = createNotificationKeeper<Notification>(process.platform);
  if (windows) {
    // Toasts show only for an AppUserModelID with a Start-menu shortcut: the installer's (appId), or the
    // one Electron creates for a development run.
    app.setAppUserModelId(appUserModelId(app.isPackaged));
    Notification.handleActivation((details) => {
      const target = activationTarget(details.arguments);
      if (target?.view !== 'login') return;
      keeper.take(target.instanceId);
      deps.relink(target.instanceId);
    });
  }
  let state = EMPTY_LIMITER;
  const show = (id: string, status: SessionStatus): void => {
    if (!deps.enabled() || !Notification.isSupported()) return;
    const title = `${deps.label(id)} needs linking again`;
    const body = `Its WhatsApp session ${WHY[status] ?? 'stopped working'}. Click to link it again with a new code.`;
    const note = new Notification(
      windows
        ? {
            title,
            body,
            toastXml: relinkToastXml({ title, body, button: 'Link again', link: relinkLink(id) }),
          }
        : { title, body, actions: [{ type: 'button', text: 'Link again' }] },
    );
    if (!windows) {
      // On Windows handleActivation delivers clicks (it fires in addition to these events).
      const relink = (): void => {
        keeper.take(id);
        deps.relink(id);
      };
      note.on('click', relink);
      note.on('action', relink);
    }
    note.on('close', (details) => keeper.closed(id, note, details.reason));
    note.on('failed', (_event, error) => {
      keeper.take(id);
      deps.failed(id, error);
    });
    keeper.keep(id, note);
    note.show();
  };
  return {
    observe(id, status) {
      if (status === 'WORKING') keeper.resolve(id);
      const result = observeStatus(state, id, status, (deps.now ?? Date.now)(), deps.policy);
      state = result.state;
      if (result.decision === 'notify') show(id, status);
    },
    forget(id) {
      keeper.resolve(id);
      state = forgetInstance(state, id);
    },
  };
}

const notices = new Set<Notification>();

/** Shows one plain notification (kept referenced until closed, so its click survives GC); `onClick` on a click. */
export function showNotice(title: string, body: string, onClick: () => void): void {
  if (!Notification.isSupported()) return;
  const note = new Notification({ title, body });
  note.on('click', () => {
    notices.delete(note);
    onClick();
  });
  note.on('close', () => notices.delete(note));
  notices.add(note);
  note.show();
}
