/**
 * Add/edit an instance. The token field is write-only: a password input that is never pre-filled (the renderer
 * cannot read tokens); leaving it empty keeps the stored token. A pasted id is normalised before it is checked;
 * each field shows one message; the first invalid field in visual order gets focus. Saving asks the server
 * first (instance-check.ts); Escape with unsaved changes asks before dropping them.
 */
import type { InstanceInput, InstanceView } from '../../common/ipc';
import { DEFAULT_BASE_URL, parseBaseUrl } from '../../common/base-url';
import { button, h, type View } from '../dom';
import { instanceIdProblem, normaliseInstanceId } from '../instance-id';
import { phoneDigits } from '../phone';
import type { ViewContext } from '../router';
import { t } from '../strings';
import { confirmDialog } from './confirm';
import { field, type Field } from './field';
import { checkAndSave } from './instance-check';

/** The add (`id` null) or edit form; `focus` picks the field to start in (e.g. the token after a 401). */
export function instanceForm(
  context: ViewContext,
  id: string | null,
  focus?: 'token' | 'id' | 'baseUrl',
): View {
  const existing: InstanceView | undefined = id ? context.store.instance(id) : undefined;
  const label = field(t.form.label, t.form.labelHint, {
    placeholder: t.form.labelPlaceholder,
    autocomplete: 'off',
  });
  const idField = field(t.form.id, t.form.idHint, {
    class: 'mono',
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
  const fields = [label, idField, token, phone, baseUrl];
  const initial = fields.map((f) => f.input.value);
  const dirty = (): boolean => fields.some((f, i) => f.input.value !== initial[i]);

  /** While typing only bad characters are errors; length and emptiness once the field is left or submitted. */
  const validateId = (final: boolean): boolean => {
    const text = normaliseInstanceId(idField.input.value);
    const problem = instanceIdProblem(text);
    idField.setError(problem === t.form.idBadChars || final ? problem : null);
    idField.setHint(!problem ? t.form.idOk : final ? t.form.idHint : t.form.idCount(text.length));
    return problem === null;
  };
  idField.input.addEventListener('input', () => {
    const input = idField.input;
    const caret = normaliseInstanceId(
      input.value.slice(0, input.selectionStart ?? input.value.length),
    ).length;
    const clean = normaliseInstanceId(input.value);
    if (clean !== input.value) {
      input.value = clean;
      input.setSelectionRange(caret, caret);
    }
    validateId(false);
  });
  idField.input.addEventListener('blur', () => {
    if (idField.input.value !== '') validateId(true);
  });
  for (const f of [baseUrl, phone, token]) f.input.addEventListener('input', () => f.setError(null));

  const advanced = h('details', { class: 'advanced' }, h('summary', {}, t.form.advanced), baseUrl.wrap);
  if (existing && existing.baseUrl !== DEFAULT_BASE_URL) advanced.open = true;

  /** The input to save, or null after marking each invalid field with its one message. */
  const collect = (): InstanceInput | null => {
    const url = parseBaseUrl(baseUrl.input.value);
    const digits = phoneDigits(phone.input.value);
    const newId = normaliseInstanceId(idField.input.value);
    const needsToken = !existing || !existing.hasToken || newId !== existing.id;
    const problems = new Map<Field, string | null>([
      [idField, validateId(true) ? null : instanceIdProblem(newId)],
      [token, needsToken && token.input.value === '' ? t.form.tokenRequired : null],
      [phone, phone.input.value.trim() !== '' && !digits ? t.form.phoneBad : null],
      [baseUrl, url.ok ? null : url.message],
    ]);
    for (const [f, message] of problems) f.setError(message);
    const first = fields.find((f) => problems.get(f));
    if (first) {
      if (first === baseUrl) advanced.open = true;
      first.input.focus();
      return null;
    }
    const input: InstanceInput = {
      id: newId,
      label: label.input.value.trim() || newId,
      baseUrl: url.ok ? url.url : DEFAULT_BASE_URL,
      expectedPhone: phone.input.value.trim() === '' ? null : digits,
    };
    if (token.input.value !== '') input.token = token.input.value;
    return input;
  };

  const status = h('p', { class: 'form-status', role: 'status', 'aria-live': 'polite' });
  const problemSlot = h('div', { class: 'form-problem' });
  const saveButton = h(
    'button',
    { type: 'submit', class: 'btn btn-primary' },
    existing ? t.common.save : t.form.saveAdd,
  );
  const leave = (): void => context.go({ view: 'list' });
  /** Escape and Back may be pressed by accident: unsaved edits are only dropped when the user says so. */
  const leaveAsking = (): void => {
    if (!dirty()) return leave();
    void confirmDialog({
      title: t.form.discardTitle,
      body: t.form.discardBody,
      confirm: t.form.discard,
      cancel: t.form.keepEditing,
      danger: true,
      safeDefault: true,
    }).then((yes) => yes && leave());
  };
  const form = h(
    'form',
    { class: 'form', novalidate: true },
    label.wrap,
    idField.wrap,
    token.wrap,
    phone.wrap,
    advanced,
    problemSlot,
    status,
    h(
      'div',
      { class: 'actions' },
      h('span', { class: 'spacer' }),
      button(t.common.cancel, leave, { class: 'btn btn-quiet' }),
      saveButton,
    ),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const input = collect();
    if (!input) return;
    const credentialsChanged =
      !existing ||
      input.token !== undefined ||
      input.id !== existing.id ||
      input.baseUrl !== existing.baseUrl;
    void checkAndSave(input, {
      existing,
      check: credentialsChanged,
      status,
      problemSlot,
      saveButton,
      focus: (which) => {
        if (which === 'baseUrl') advanced.open = true;
        ({ token, id: idField, baseUrl })[which].input.focus();
      },
      clearToken: () => (token.input.value = ''),
      done: (notice) => context.go({ view: 'list', notice }),
    });
  });
  form.addEventListener('keydown', (event) => {
    if (event.key !== 'Escape') return;
    event.preventDefault();
    leaveAsking();
  });

  const heading = h('h1', {}, existing ? t.form.editTitle(existing.label) : t.form.addTitle);
  const element = h(
    'section',
    { class: 'view narrow' },
    h('div', { class: 'view-head' }, button(`← ${t.common.back}`, leaveAsking, { class: 'btn btn-quiet' })),
    heading,
    form,
  );
  if (existing) validateId(true);
  if (focus === 'baseUrl') advanced.open = true;
  const start = focus ? { token, id: idField, baseUrl }[focus].input : label.input;
  return { element, focus: start };
}
