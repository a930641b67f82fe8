/**
 * Pairing by phone number: a validated phone input, one request per attempt (the button is disabled while it
 * is pending), and the 8-character code shown large as ABCD-1234 — left-to-right and Unicode-isolated so a
 * right-to-left UI cannot reorder it — with a Copy button and a countdown. Its stage (before, requesting,
 * shown, expired) is what the login view's status line says; the code itself is spelled out to screen readers
 * once. An expired code stays readable for reference but can no longer be copied.
 */
import { announce } from '../announcer';
import { button, everySecond, h, replace } from '../dom';
import { phoneDigits } from '../phone';
import { t } from '../strings';
import { field } from './field';

/** Pairing codes have no documented lifetime; WhatsApp closes the login socket after ~160 s (wawp-api.md §2.3). */
export const PAIRING_TTL_MS = 160_000;

/** `ABCD1234` or `abcd-1234` as `ABCD-1234`. */
export function formatPairingCode(code: string): string {
  const clean = code.replace(/[^A-Za-z0-9]/g, '').toUpperCase();
  return clean.length === 8 ? `${clean.slice(0, 4)}-${clean.slice(4)}` : clean;
}

/** `ABCD-1234` as `A B C D, 1 2 3 4`: screen readers read each character instead of a made-up word. */
export function spellPairingCode(code: string): string {
  return formatPairingCode(code)
    .split('-')
    .map((group) => [...group].join(' '))
    .join(', ');
}

export type PairingStage = 'before' | 'requesting' | 'shown' | 'expired' | 'failed';

export interface PairingPanel {
  element: HTMLElement;
  focus: HTMLElement;
  /** The status line for the current stage (a failed request: its reason). */
  status(): string;
  dispose(): void;
}

/** Creates the panel for `instanceId`; `copy` copies text and says whether it worked; `changed` after each stage. */
export function pairingPanel(
  instanceId: string,
  copy: (text: string) => Promise<boolean>,
  changed: () => void = () => undefined,
): PairingPanel {
  const phone = field(t.pairing.phone, t.pairing.phoneHint, {
    type: 'tel',
    autocomplete: 'tel',
    inputmode: 'tel',
  });
  const submit = h('button', { type: 'submit', class: 'btn btn-primary' }, t.pairing.button.before);
  const result = h('div', { class: 'pairing-result' });
  let stage: PairingStage = 'before';
  let failure = '';
  let stopTicking: () => void = () => undefined;
  const setStage = (next: PairingStage): void => {
    stage = next;
    submit.textContent = t.pairing.button[next];
    submit.disabled = next === 'requesting';
    changed();
  };
  phone.input.addEventListener('input', () => phone.setError(null));

  const show = (code: string): void => {
    const text = formatPairingCode(code);
    const label = h('p', { class: 'pairing-label', id: 'pairing-code-label' }, t.pairing.codeLabel);
    const countdown = h('p', { class: 'qr-countdown' });
    const note = h('span', { class: 'copy-note', role: 'status' });
    const copyButton = button(
      t.pairing.copy,
      async () => {
        note.textContent = (await copy(text)) ? t.common.copied : t.common.copyFailed;
      },
      { class: 'btn' },
    );
    const actions = h('div', { class: 'actions center' }, copyButton, note);
    result.classList.remove('expired');
    replace(
      result,
      label,
      // U+2068/U+2069 isolate the code from surrounding bidi text; dir="ltr" fixes its own direction.
      h(
        'output',
        { class: 'pairing-code', dir: 'ltr', 'aria-labelledby': 'pairing-code-label' },
        `\u2068${text}\u2069`,
      ),
      actions,
      countdown,
    );
    stopTicking();
    stopTicking = everySecond(Date.now() + PAIRING_TTL_MS, (seconds) => {
      if (seconds > 0) {
        countdown.textContent = t.pairing.expiresIn(seconds);
        return;
      }
      // Still readable (for comparison with the phone), no longer offered for copying.
      const hadFocus = actions.contains(document.activeElement);
      result.classList.add('expired');
      label.textContent = t.pairing.expiredLabel;
      actions.remove();
      countdown.textContent = '';
      setStage('expired');
      if (hadFocus) submit.focus();
    });
    setStage('shown');
    announce(t.pairing.announceCode(spellPairingCode(text)));
    copyButton.focus();
  };

  const form = h(
    'form',
    { class: 'form', novalidate: true },
    phone.wrap,
    h('div', { class: 'actions' }, submit),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    if (stage === 'requesting') return;
    const digits = phoneDigits(phone.input.value);
    if (!digits) {
      phone.setError(t.pairing.phoneBad);
      phone.input.focus();
      return;
    }
    const before = stage;
    setStage('requesting');
    void window.wawp.requestPairingCode(instanceId, digits).then((answer) => {
      if (answer.ok) {
        show(answer.value.code);
      } else if (answer.code === 'invalid_phone') {
        phone.setError(answer.reason);
        setStage(before);
        phone.input.focus();
      } else {
        failure = answer.reason;
        setStage('failed');
        submit.focus();
      }
    });
  });

  const element = h('div', { class: 'pairing-panel' }, h('h2', {}, t.pairing.title), form, result);
  return {
    element,
    focus: phone.input,
    status: () => (stage === 'failed' ? failure : t.pairing.status[stage]),
    dispose: () => stopTicking(),
  };
}
