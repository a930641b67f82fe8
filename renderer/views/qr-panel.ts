/**
 * The QR panel: the current code on a white canvas, "Code n of ~N" (only when the position is known), a
 * per-second countdown and Enlarge. A code is never left readable after it expired: at 0 s the canvas is wiped
 * and "Getting a new code…" shows in the code's own place and size until the next one arrives. Each new code is
 * announced once ("New code, expires in 20 seconds"); the countdown itself is silent. Enlarge shows the code in
 * a dialog sized to the window (any size, any zoom), and is off while there is no code.
 */
import { announce } from '../announcer';
import { button, everySecond, h } from '../dom';
import type { LoginViewState } from '../login-state';
import { clearQr, drawQr, MIN_QR_PX, type QrSize } from '../qr';
import { t } from '../strings';

export interface QrPanel {
  element: HTMLElement;
  update(state: LoginViewState): void;
  dispose(): void;
}

/** Creates the panel; `scan` (demo only) plays the phone. */
export function qrPanel(scan: (() => Promise<void>) | null): QrPanel {
  const canvas = h('canvas', { class: 'qr-canvas', 'aria-hidden': 'true' });
  canvas.width = 0;
  canvas.height = 0;
  const overlayText = h('span', {}, t.login.waiting);
  const overlay = h(
    'div',
    { class: 'qr-overlay', 'aria-hidden': 'true' },
    h('span', { class: 'qr-spinner' }),
    overlayText,
  );
  // The frame (not the canvas, hidden between codes) is the image: always there, always named.
  const frame = h(
    'div',
    { class: 'qr-frame waiting', role: 'img', 'aria-label': t.login.waiting },
    canvas,
    overlay,
  );
  const codeOf = h('span', { class: 'qr-index' });
  const countdown = h('span', { class: 'qr-countdown' });
  const meta = h('p', { class: 'qr-meta' }, codeOf, countdown);
  const stage = h('div', { class: 'qr-stage' }, frame, meta);
  let value: string | null = null;
  let shown: string | null = null;
  let stopTicking: () => void = () => undefined;

  const shrink = button(t.login.shrink, () => dialog.close(), { class: 'btn' });
  const dialogActions = h('div', { class: 'actions center' }, shrink);
  const dialog = h('dialog', { class: 'qr-dialog', 'aria-label': t.login.enlargedTitle });
  const enlarge = button(t.login.enlarge, () => open(), {
    class: 'btn btn-quiet',
    'aria-haspopup': 'dialog',
    disabled: true,
  });
  const scanButton = scan
    ? button(
        t.login.simulateScan,
        async () => {
          scanButton!.disabled = true;
          await scan();
          scanButton!.disabled = value === null;
        },
        { class: 'btn btn-accent', title: t.login.simulateHint, disabled: true },
      )
    : null;
  const actions = h('div', { class: 'actions center' }, enlarge, scanButton);

  /** The largest square the dialog leaves for the code (its padding, the meta line and Make smaller aside). */
  const fitPx = (): number => {
    const style = getComputedStyle(dialog);
    const px = (name: string): number => parseFloat(style.getPropertyValue(name)) || 0;
    const gap = px('row-gap') * 2;
    const width = dialog.clientWidth - px('padding-left') - px('padding-right');
    const height =
      dialog.clientHeight -
      px('padding-top') -
      px('padding-bottom') -
      meta.offsetHeight -
      dialogActions.offsetHeight -
      gap;
    const border = frame.offsetWidth - frame.clientWidth;
    return Math.floor(Math.min(width, height) - border);
  };
  const size = (): QrSize => (dialog.open ? { fitPx: fitPx() } : { minPx: MIN_QR_PX });
  const draw = (): void => {
    if (value) drawQr(canvas, value, size());
  };
  const onResize = (): void => draw();
  const open = (): void => {
    if (!value || dialog.open) return;
    dialog.append(stage, dialogActions);
    dialog.showModal();
    window.addEventListener('resize', onResize);
    draw();
    shrink.focus();
  };
  dialog.addEventListener('close', () => {
    window.removeEventListener('resize', onResize);
    actions.before(stage);
    draw();
    if (!enlarge.disabled) enlarge.focus();
  });

  const hide = (text: string): void => {
    value = null;
    clearQr(canvas);
    frame.classList.add('waiting');
    overlayText.textContent = text;
    frame.setAttribute('aria-label', text);
    enlarge.disabled = true;
    if (scanButton) scanButton.disabled = true;
    codeOf.textContent = '';
    countdown.textContent = '';
  };

  return {
    element: h(
      'div',
      { class: 'qr-panel' },
      stage,
      actions,
      scanButton && h('p', { class: 'hint center' }, t.login.simulateHint),
      dialog,
    ),
    update(state) {
      const qr = state.qr && state.qr.expiresAt > Date.now() ? state.qr : null;
      const key = qr ? `${qr.value}|${qr.expiresAt}` : `none|${state.renewing}`;
      if (key === shown) return;
      shown = key;
      stopTicking();
      if (!qr) {
        hide(state.renewing || state.qr ? t.login.gettingNew : t.login.waiting);
        return;
      }
      if (qr.value !== value) {
        value = qr.value;
        draw();
        // Announced only while the panel is on screen (not behind the pairing tab).
        if (frame.isConnected) announce(t.login.newCode(Math.ceil((qr.expiresAt - Date.now()) / 1000)));
      }
      frame.classList.remove('waiting');
      enlarge.disabled = false;
      if (scanButton) scanButton.disabled = false;
      const position = t.login.codeOf(qr.index, qr.expectedCount);
      codeOf.textContent = position;
      codeOf.hidden = position === '';
      frame.setAttribute('aria-label', t.login.qrAlt(qr.index, qr.expectedCount));
      stopTicking = everySecond(qr.expiresAt, (seconds) => {
        if (seconds > 0) countdown.textContent = t.login.expiresIn(seconds);
        else hide(t.login.gettingNew);
      });
    },
    dispose() {
      stopTicking();
      if (dialog.open) dialog.close();
    },
  };
}
