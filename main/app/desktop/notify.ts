/**
 * "Link again" notifications: when background health sees an instance leave WORKING, a native notification
 * offers to open its login view. Decisions come from the pure limiter (notify-limiter.ts); this file only
 * shows them. Action buttons exist on macOS only; elsewhere clicking the notification body does the same.
 * https://www.electronjs.org/docs/latest/api/notification
 */
import { app, Notification } from 'electron';
import type { SessionStatus } from '../../../common/model';
import { APP_ID } from './deep-link';
import { EMPTY_LIMITER, forgetInstance, observeStatus, type LimiterPolicy } from './notify-limiter';

export interface NotifyDeps {
  /** The instance's display label. */
  label(id: string): string;
  /** The user's "Notifications" preference. */
  enabled(): boolean;
  /** Opens the login view for the instance (shows the window). */
  relink(id: string): void;
  now?: () => number;
  policy?: LimiterPolicy;
}

export interface Notifier {
  /** Feed every status health observes; shows a notification when an incident begins. */
  observe(id: string, status: SessionStatus): void;
  /** Forget a removed instance. */
  forget(id: string): void;
}

const WHY: Partial<Record<SessionStatus, string>> = {
  SCAN_QR_CODE: 'is waiting for a new QR scan',
  STOPPED: 'was stopped',
  FAILED: 'failed',
};

/** Creates the notifier; notifications are kept referenced until closed so their click handlers survive GC. */
export function setupNotifications(deps: NotifyDeps): Notifier {
  // Windows shows toasts only for an AppUserModelID that matches the installer's shortcut (the appId).
  // https://www.electronjs.org/docs/latest/tutorial/notifications#windows
  if (process.platform === 'win32') app.setAppUserModelId(APP_ID);
  let state = EMPTY_LIMITER;
  const shown = new Set<Notification>();
  const show = (id: string, status: SessionStatus): void => {
    if (!deps.enabled() || !Notification.isSupported()) return;
    const label = deps.label(id);
    const note = new Notification({
      title: `${label} needs linking again`,
      body: `Its WhatsApp session ${WHY[status] ?? 'stopped working'}. Click to link it again with a new code.`,
      actions: [{ type: 'button', text: 'Link again' }],
    });
    const relink = (): void => {
      shown.delete(note);
      deps.relink(id);
    };
    note.on('click', relink);
    note.on('action', relink);
    note.on('close', () => shown.delete(note));
    shown.add(note);
    note.show();
  };
  return {
    observe(id, status) {
      const result = observeStatus(state, id, status, (deps.now ?? Date.now)(), deps.policy);
      state = result.state;
      if (result.decision === 'notify') show(id, status);
    },
    forget(id) {
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
