/**
 * Add/edit an instance. The token field is write-only: a password input that is never pre-filled (the renderer
 * cannot read tokens); leaving it empty keeps the stored token. The id is validated as the user types.
 */
import type { InstanceInput, InstanceView } from '../../common/ipc';
import { button, h, type View } from '../dom';
import { phoneDigits } from '../phone';
import type { ViewContext } from '../router';
import { STATUS_WORDS, t } from '../strings';
import { field } from './field';

const DEFAULT_BASE_URL = 'https://api.wawp.net';

/** Problem with an instance id as typed, or null when it is a valid 12-character id. */
export function instanceIdProblem(text: string): string | null {
  const id = text.trim();
  if (/[^A-Za-z0-9]/.test(id)) return t.form.idBadChars;
  if (id.length !== 12) return t.form.idLength(id.length);
  return null;
}

function baseUrlProblem(text: string): string | null {
  try {
    const url = new URL(text.trim());
    const loopback = ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname);
    return url.protocol === 'https:' || (url.protocol === 'http:' && loopback) ? null : t.form.baseUrlBad;
  } catch {
    return t.form.baseUrlBad;
  }
}

/** The add (`id` null) or edit form; `focus` picks the field to start in (e.g. the token after a 401). */
export function instanceForm(context: ViewContext, id: string | null, focus?: 'token' | 'id'): View {
  const existing: InstanceView | undefined = id ? context.store.instance(id) : undefined;
  const label = field(t.form.label, t.form.labelHint, {
    placeholder: t.form.labelPlaceholder,
    autocomplete: 'off',
  });
  const idField = field(t.form.id, t.form.idHint, {
    class: 'mono',
    maxlength: '12',
    autocomplete: 'off',
    spellcheck: 'false',
    autocapitalize: 'characters',
  });
  const tokenHint =
    existing?.hasToken && existing.tokenLocation
      ? t.form.tokenStored(existing.tokenLocation)
      : existing
        ? t.form.tokenMissing
        : t.form.tokenHintNew;
  const token = field(t.form.token, tokenHint, {
    type: 'password',
    autocomplete: 'off',
    spellcheck: 'false',
  });
  const baseUrl = field(t.form.baseUrl, t.form.baseUrlHint, { type: 'url', spellcheck: 'false' });
  const phone = field(t.form.phone, t.form.phoneHint, { type: 'tel', autocomplete: 'off' });
  label.input.value = existing?.label ?? '';
  idField.input.value = existing?.id ?? '';
  baseUrl.input.value = existing?.baseUrl ?? DEFAULT_BASE_URL;
  phone.input.value = existing?.expectedPhone ? `+${existing.expectedPhone}` : '';

  /** While typing only bad characters are errors; a short id is one once the field is left or submitted. */
  const validateId = (final: boolean): boolean => {
    const text = idField.input.value.trim();
    const problem = instanceIdProblem(text);
    const shown = problem === t.form.idBadChars || (final && text !== '') ? problem : null;
    idField.setError(shown);
    idField.setHint(problem ? t.form.idCount(text.length) : t.form.idOk);
    return problem === null;
  };
  idField.input.addEventListener('input', () => {
    const upper = idField.input.value.toUpperCase();
    if (upper !== idField.input.value) idField.input.value = upper;
    validateId(false);
  });
  idField.input.addEventListener('blur', () => validateId(true));
  baseUrl.input.addEventListener('input', () => baseUrl.setError(null));
  phone.input.addEventListener('input', () => phone.setError(null));
  token.input.addEventListener('input', () => token.setError(null));

  const status = h('p', { class: 'form-status', role: 'status', 'aria-live': 'polite' });
  const collect = (): InstanceInput | null => {
    const problems = [
      !validateId(true) && idField.input,
      baseUrlProblem(baseUrl.input.value) && baseUrl.input,
      phone.input.value.trim() !== '' && !phoneDigits(phone.input.value) && phone.input,
    ].filter((x): x is HTMLInputElement => x instanceof HTMLInputElement);
    idField.setError(instanceIdProblem(idField.input.value));
    baseUrl.setError(baseUrlProblem(baseUrl.input.value));
    if (problems.includes(phone.input)) phone.setError(t.form.phoneBad);
    const idChanged = existing !== undefined && idField.input.value.trim() !== existing.id;
    const needsToken = !existing || !existing.hasToken || idChanged;
    if (needsToken && token.input.value === '') {
      token.setError(t.form.tokenRequired);
      problems.push(token.input);
    }
    if (problems.length > 0) {
      advanced.open ||= problems.includes(baseUrl.input);
      status.textContent = t.form.fixErrors;
      problems[0]?.focus();
      return null;
    }
    status.textContent = '';
    status.classList.remove('bad');
    const input: InstanceInput = {
      id: idField.input.value.trim(),
      label: label.input.value.trim() || idField.input.value.trim(),
      baseUrl: baseUrl.input.value.trim(),
      expectedPhone: phone.input.value.trim() === '' ? null : phoneDigits(phone.input.value),
    };
    if (token.input.value !== '') input.token = token.input.value;
    return input;
  };

  const testButton = button(
    t.form.test,
    async () => {
      const input = collect();
      if (!input) return;
      testButton.disabled = true;
      status.textContent = t.form.testing;
      const result = await window.wawp.testConnection(input);
      testButton.disabled = false;
      status.textContent = result.ok ? t.form.testOk(STATUS_WORDS[result.value.status]) : result.reason;
      status.classList.toggle('bad', !result.ok);
    },
    { class: 'btn' },
  );

  const saveButton = h(
    'button',
    { type: 'submit', class: 'btn btn-primary' },
    existing ? t.common.save : t.form.saveAdd,
  );
  const advanced = h('details', { class: 'advanced' }, h('summary', {}, t.form.advanced), baseUrl.wrap);
  if (existing && existing.baseUrl !== DEFAULT_BASE_URL) advanced.open = true;
  const form = h(
    'form',
    { class: 'form', novalidate: true },
    label.wrap,
    idField.wrap,
    token.wrap,
    phone.wrap,
    advanced,
    status,
    h(
      'div',
      { class: 'actions' },
      testButton,
      h('span', { class: 'spacer' }),
      button(t.common.cancel, () => context.go({ view: 'list' }), { class: 'btn btn-quiet' }),
      saveButton,
    ),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const input = collect();
    if (!input) return;
    saveButton.disabled = true;
    status.textContent = t.form.saving;
    void window.wawp.saveInstance(input).then(async (result) => {
      // Clear the secret from the page as soon as main has it (or refused it).
      token.input.value = '';
      saveButton.disabled = false;
      if (!result.ok) {
        status.textContent = result.reason;
        status.classList.add('bad');
        return;
      }
      if (existing && existing.id !== result.value.id) await window.wawp.removeInstance(existing.id);
      context.go({ view: 'list' });
    });
  });
  form.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') context.go({ view: 'list' });
  });

  const heading = h('h1', {}, existing ? t.form.editTitle(existing.label) : t.form.addTitle);
  const element = h(
    'section',
    { class: 'view narrow' },
    h(
      'div',
      { class: 'view-head' },
      button(`← ${t.common.back}`, () => context.go({ view: 'list' }), { class: 'btn btn-quiet' }),
    ),
    heading,
    form,
  );
  if (existing) validateId(true);
  const start =
    focus === 'token' ? token.input : focus === 'id' ? idField.input : existing ? label.input : label.input;
  return { element, focus: start };
}
