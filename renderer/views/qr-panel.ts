/**
 * The QR panel: the current code on a white canvas, "Code n of ~N", a per-second countdown, Enlarge and
 * "Copy code text". A code is never left readable after it expired: at 0 s the canvas is wiped and greyed with
 * "Getting a new code…" even before the engine says so.
 */
import { button, everySecond, h } from '../dom';
import type { LoginViewState } from '../login-state';
import { clearQr, drawQr, MIN_QR_PX } from '../qr';
import { t } from '../strings';

export interface QrPanel {
  element: HTMLElement;
  update(state: LoginViewState): void;
  dispose(): void;
}

/** Creates the panel; `copy` copies the code text, `scan` (demo only) plays the phone. */
export function qrPanel(
  copy: (text: string) => Promise<boolean>,
  scan: (() => Promise<void>) | null,
): QrPanel {
  const canvas = h('canvas', {
    class: 'qr-canvas',
    role: 'img',
    'aria-label': t.login.waiting,
    width: 0,
    height: 0,
  });
  const overlay = h('div', { class: 'qr-overlay', 'aria-hidden': 'true' }, t.login.waiting);
  const frame = h('div', { class: 'qr-frame waiting' }, canvas, overlay);
  const codeOf = h('span', { class: 'qr-index' });
  const countdown = h('span', { class: 'qr-countdown', 'aria-live': 'off' });
  const copyNote = h('span', { class: 'copy-note', role: 'status' });
  let enlarged = false;
  let shown: string | null = null;
  let value: string | null = null;
  let stopTicking: () => void = () => undefined;

  const draw = (): void => {
    if (value) drawQr(canvas, value, enlarged ? MIN_QR_PX * 2 : MIN_QR_PX);
  };
  const enlarge = button(
    t.login.enlarge,
    () => {
      enlarged = !enlarged;
      enlarge.textContent = enlarged ? t.login.shrink : t.login.enlarge;
      enlarge.setAttribute('aria-pressed', String(enlarged));
      frame.classList.toggle('large', enlarged);
      draw();
    },
    { class: 'btn btn-quiet', 'aria-pressed': 'false' },
  );
  const copyButton = button(
    t.login.copyText,
    async () => {
      if (!value) return;
      copyNote.textContent = (await copy(value)) ? t.common.copied : t.common.copyFailed;
    },
    { class: 'btn btn-quiet' },
  );
  const scanButton = scan
    ? button(
        t.login.simulateScan,
        async () => {
          scanButton!.disabled = true;
          await scan();
          scanButton!.disabled = false;
        },
        { class: 'btn btn-accent', title: t.login.simulateHint },
      )
    : null;

  const hide = (text: string): void => {
    value = null;
    clearQr(canvas);
    frame.classList.add('waiting');
    overlay.textContent = text;
    canvas.setAttribute('aria-label', text);
    copyButton.disabled = true;
    if (scanButton) scanButton.disabled = true;
    countdown.textContent = '';
  };

  return {
    element: h(
      'div',
      { class: 'qr-panel' },
      frame,
      h('p', { class: 'qr-meta' }, codeOf, countdown),
      h('div', { class: 'actions center' }, enlarge, copyButton, scanButton),
      copyNote,
      scanButton && h('p', { class: 'hint center' }, t.login.simulateHint),
    ),
    update(state) {
      const qr = state.qr && state.qr.expiresAt > Date.now() ? state.qr : null;
      const key = qr ? `${qr.value}|${qr.expiresAt}` : `none|${state.renewing}`;
      if (key === shown) return;
      shown = key;
      stopTicking();
      if (!qr) {
        codeOf.textContent = '';
        hide(state.renewing || state.qr ? t.login.gettingNew : t.login.waiting);
        return;
      }
      if (qr.value !== value) {
        value = qr.value;
        draw();
      }
      frame.classList.remove('waiting');
      copyButton.disabled = false;
      if (scanButton) scanButton.disabled = false;
      codeOf.textContent = t.login.codeOf(qr.index, qr.expectedCount);
      canvas.setAttribute('aria-label', t.login.qrAlt(qr.index, qr.expectedCount));
      stopTicking = everySecond(qr.expiresAt, (seconds) => {
        if (seconds > 0) countdown.textContent = t.login.expiresIn(seconds);
        else hide(t.login.gettingNew);
      });
    },
    dispose: () => stopTicking(),
  };
}
