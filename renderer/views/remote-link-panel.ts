/**
 * "Send a link to the phone's owner": a Wawp temp link for a phone that is not here. Shows the link (to copy
 * or e-mail), a QR of it for a phone in the same room (dark on white, quiet zone), and the time left; making
 * a new link says the old one stops working. The link is a secret for 30 minutes: it is shown and copied,
 * never logged, and cancelled when the user cancels or leaves.
 */
import type { Result } from '../../common/ipc';
import { mailDraftUrl, type RemoteLinkEvent, type RemoteLinkOffer } from '../../common/remote-link';
import { announce, button, everySecond, h, replace } from '../dom';
import { clearQr, drawQr } from '../qr';
import { t } from '../strings';

export interface RemoteLinkPanel {
  element: HTMLElement;
  focus: HTMLElement;
  /** Offers a link (reusing a live one); idempotent while one is shown. */
  start(): void;
  dispose(): void;
}

const QR_PX = 150;
const untilText = (at: number): string =>
  new Date(at).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });

/** Creates the panel for one instance; `copy` writes to the clipboard through main. */
export function remoteLinkPanel(
  instanceId: string,
  copy: (text: string) => Promise<boolean>,
): RemoteLinkPanel {
  const heading = h('h2', { tabindex: '-1' }, t.remote.title);
  const note = h('p', { class: 'remote-note', role: 'status' });
  const field = h('input', {
    id: `remote-link-${instanceId}`,
    class: 'link-field',
    type: 'text',
    readonly: true,
    spellcheck: 'false',
    'aria-describedby': `remote-secret-${instanceId}`,
  });
  const canvas = h('canvas', {
    class: 'qr-canvas',
    role: 'img',
    'aria-label': t.remote.qrLabel,
    width: 0,
    height: 0,
  });
  const countdown = h('p', { class: 'remote-countdown', 'aria-live': 'off' });
  const copyNote = h('span', { class: 'copy-note', role: 'status' });
  const mail = h('a', { class: 'btn btn-quiet', href: 'mailto:' }, t.remote.email);
  const body = h('div', { class: 'remote-body' });
  let offer: RemoteLinkOffer | null = null;
  let started = false;
  let busy = false;
  let stopTicking: () => void = () => undefined;

  const copyButton = button(
    t.remote.copy,
    async () => {
      if (offer) copyNote.textContent = (await copy(offer.url)) ? t.common.copied : t.common.copyFailed;
    },
    { class: 'btn btn-primary' },
  );
  const run = async (step: () => Promise<Result<RemoteLinkOffer>>, after?: string): Promise<void> => {
    if (busy) return;
    busy = true;
    note.textContent = t.remote.making;
    const result = await step();
    busy = false;
    if (result.ok) show(result.value, after);
    else showProblem(result.reason);
  };
  const open = (): Promise<void> => run(() => window.wawp.openRemoteLink(instanceId));
  const renew = button(
    t.remote.renew,
    () => run(() => window.wawp.renewRemoteLink(instanceId), t.remote.renewed),
    {
      class: 'btn btn-quiet',
      'aria-describedby': `remote-renew-${instanceId}`,
    },
  );
  const cancel = button(
    t.remote.cancel,
    async () => {
      const result = await window.wawp.cancelRemoteLink(instanceId);
      if (result.ok) ended(t.remote.cancelled);
    },
    { class: 'btn btn-quiet' },
  );
  const again = (): HTMLButtonElement => button(t.remote.renew, open, { class: 'btn btn-primary' });

  const show = (next: RemoteLinkOffer, message?: string): void => {
    offer = next;
    field.value = next.url;
    drawQr(canvas, next.url, { minPx: QR_PX });
    mail.setAttribute(
      'href',
      mailDraftUrl(t.remote.mailSubject, t.remote.mailBody(next.url, untilText(next.expiresAt))),
    );
    replace(
      body,
      h('label', { for: field.id, class: 'field-label' }, t.remote.linkLabel),
      field,
      h('p', { class: 'hint', id: `remote-secret-${instanceId}` }, t.remote.secret),
      h('div', { class: 'actions' }, copyButton, mail),
      copyNote,
      h(
        'div',
        { class: 'remote-qr' },
        h('div', { class: 'qr-frame' }, canvas),
        h('div', {}, countdown, h('p', { class: 'hint' }, t.remote.qrHint)),
      ),
      h('div', { class: 'actions' }, renew, cancel),
      h('p', { class: 'hint', id: `remote-renew-${instanceId}` }, t.remote.renewNote, ' ', t.remote.leaving),
    );
    const text =
      message ?? (next.reused ? t.remote.reused : next.replaced ? t.remote.renewed : t.remote.waiting);
    note.textContent = text;
    announce(text);
    stopTicking();
    stopTicking = everySecond(next.expiresAt, (seconds) => {
      if (seconds > 0) countdown.textContent = t.remote.expiresIn(Math.floor(seconds / 60), seconds % 60);
    });
  };
  /** The link is gone (expired, cancelled, failed): wipe it and offer a new one. */
  const ended = (message: string, action: HTMLElement = again()): void => {
    offer = null;
    stopTicking();
    field.value = '';
    clearQr(canvas);
    note.textContent = message;
    announce(message);
    replace(body, h('div', { class: 'actions' }, action));
  };
  const showProblem = (reason: string): void =>
    ended(t.remote.failed(reason), button(t.remote.tryAgain, open, { class: 'btn btn-primary' }));

  const onEvent = (event: RemoteLinkEvent): void => {
    if (event.type === 'link' && event.url !== offer?.url) show(event);
    else if (event.type === 'link-expired') ended(t.remote.expired);
    else if (event.type === 'revoked' && event.why === 'linked') ended(t.remote.revokedLinked);
  };
  const unsubscribe = window.wawp.onRemoteLinkEvent(({ instanceId: from, event }) => {
    if (from === instanceId) onEvent(event);
  });

  return {
    element: h('div', { class: 'remote-panel' }, heading, h('p', {}, t.remote.intro), note, body),
    focus: heading,
    start() {
      if (started) return;
      started = true;
      void open();
    },
    dispose() {
      stopTicking();
      unsubscribe();
      // Leaving cancels: a bearer link must not outlive the screen that watches it.
      if (offer) void window.wawp.cancelRemoteLink(instanceId);
    },
  };
}
