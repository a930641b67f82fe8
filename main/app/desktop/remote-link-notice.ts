/**
 * "Linked" notifications for remote links: the phone's owner may scan long after the link was sent, with the
 * window hidden in the tray. When a phone links through a remote link and the window is not showing, one
 * notification says who linked (and warns about a wrong number); clicking it opens the instance's view.
 * No `electron` import: the composition root passes notify.ts's `showNotice`.
 */
import type { NavigateTarget } from '../../../common/ipc';
import { phoneOfId } from '../../login/pairing';
import type { RemoteLinked, RemoteLinks } from '../handlers/handlers-remote-link';

export interface RemoteLinkNoticeDeps {
  remoteLinks: Pick<RemoteLinks, 'onLinked'>;
  label(id: string): string;
  /** The user's "Notifications" preference. */
  enabled(): boolean;
  /** Whether the main window is on screen (shown and not minimised). */
  windowShowing(): boolean;
  showNotice(title: string, body: string, onClick: () => void): void;
  show(target: NavigateTarget): void;
}

/** The notification's text, or null when none is due (window showing, or notifications off). */
export function remoteLinkedNotice(
  label: string,
  linked: RemoteLinked,
  context: { enabled: boolean; windowShowing: boolean },
): { title: string; body: string } | null {
  if (!context.enabled || context.windowShowing) return null;
  const who = `+${phoneOfId(linked.me.id)}${linked.me.pushName ? ` (${linked.me.pushName})` : ''}`;
  const wrong = linked.phoneMatches === false && linked.expectedPhone;
  return {
    title: wrong ? `${label} linked a different number` : `${label} is linked`,
    body: wrong
      ? `Linked as ${who}, not +${linked.expectedPhone}. Click to check it.`
      : `The phone's owner used the link: linked as ${who}.`,
  };
}

/** Subscribes to remote links; returns the unsubscribe. */
export function setupRemoteLinkNotices(deps: RemoteLinkNoticeDeps): () => void {
  return deps.remoteLinks.onLinked((id, linked) => {
    const notice = remoteLinkedNotice(deps.label(id), linked, {
      enabled: deps.enabled(),
      windowShowing: deps.windowShowing(),
    });
    if (notice)
      deps.showNotice(notice.title, notice.body, () => deps.show({ view: 'login', instanceId: id }));
  });
}
