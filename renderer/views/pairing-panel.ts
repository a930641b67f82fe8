/**
 * Pairing by phone number: a validated phone input, one request per attempt (the button is disabled while it
 * is pending), and the 8-character code shown large as ABCD-1234 — left-to-right and Unicode-isolated so a
 * right-to-left UI cannot reorder it — with a Copy button and a countdown.
 */
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

export interface PairingPanel {
  element: HTMLElement;
  focus: HTMLElement;
  dispose(): void;
}

/** Creates the panel for `instanceId`; `copy` copies text and says whether it worked. */
export function pairingPanel(instanceId: string, copy: (text: string) => Promise<boolean>): PairingPanel {
  const phone = field(t.pairing.phone, t.pairing.phoneHint, {
    type: 'tel',
    autocomplete: 'tel',
    inputmode: 'tel',
  });
  const submit = h('button', { type: 'submit', class: 'btn btn-primary' }, t.pairing.request);
  const status = h('p', { class: 'form-status', role: 'status', 'aria-live': 'polite' });
  const result = h('div', { class: 'pairing-result' });
  let pending = false;
  let stopTicking: () => void = () => undefined;
  phone.input.addEventListener('input', () => {
    phone.setError(null);
    status.textContent = '';
  });

  const show = (code: string): void => {
    const text = formatPairingCode(code);
    const countdown = h('p', { class: 'qr-countdown' });
    const note = h('span', { class: 'copy-note', role: 'status' });
    const copyButton = button(
      t.pairing.copy,
      async () => {
        note.textContent = (await copy(text)) ? t.common.copied : t.common.copyFailed;
      },
      { class: 'btn' },
    );
    replace(
      result,
      h('p', { class: 'pairing-label', id: 'pairing-code-label' }, t.pairing.codeLabel),
      // U+2068/U+2069 isolate the code from surrounding bidi text; dir="ltr" fixes its own direction.
      h(
        'output',
        { class: 'pairing-code', dir: 'ltr', 'aria-labelledby': 'pairing-code-label' },
        `\u2068${text}\u2069`,
      ),
      h('div', { class: 'actions center' }, copyButton, note),
      countdown,
    );
    stopTicking();
    stopTicking = everySecond(Date.now() + PAIRING_TTL_MS, (seconds) => {
      if (seconds > 0) {
        countdown.textContent = t.pairing.expiresIn(seconds);
        return;
      }
      result.classList.add('expired');
      countdown.textContent = t.pairing.expired;
      submit.textContent = t.pairing.another;
    });
    copyButton.focus();
  };

  const form = h(
    'form',
    { class: 'form', novalidate: true },
    phone.wrap,
    h('div', { class: 'actions' }, submit),
    status,
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    if (pending) return;
    const digits = phoneDigits(phone.input.value);
    if (!digits) {
      phone.setError(t.pairing.phoneBad);
      phone.input.focus();
      return;
    }
    pending = true;
    submit.disabled = true;
    submit.textContent = t.pairing.requesting;
    status.textContent = t.pairing.requesting;
    void window.wawp.requestPairingCode(instanceId, digits).then((answer) => {
      pending = false;
      submit.disabled = false;
      submit.textContent = t.pairing.another;
      if (answer.ok) {
        status.textContent = '';
        result.classList.remove('expired');
        show(answer.value.code);
      } else if (answer.code === 'invalid_phone') {
        submit.textContent = t.pairing.request;
        phone.setError(answer.reason);
        status.textContent = '';
      } else {
        status.textContent = answer.reason;
      }
    });
  });

  const element = h('div', { class: 'pairing-panel' }, h('h2', {}, t.pairing.title), form, result);
  return { element, focus: phone.input, dispose: () => stopTicking() };
}
