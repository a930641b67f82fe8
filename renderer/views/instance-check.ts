/**
 * Saving an instance checks it with its server first and says what it found: saved with the session's status,
 * or the problem (describeProblem) with its one way out. "Save anyway" is offered only when the server could
 * not be asked; a refused token or an unknown id is never saved silently.
 */
import type { Failure, InstanceInput, InstanceView } from '../../common/ipc';
import { replace } from '../dom';
import { describeAccount } from '../phone';
import { failureError, hostOf, problemOf } from '../problem';
import { STATUS_WORDS, t } from '../strings';
import { problemCard, type CardAction } from './problem-card';

export interface CheckUi {
  existing: InstanceView | undefined;
  /** False when only the name or the expected number changed: nothing to ask the server. */
  check: boolean;
  status: HTMLElement;
  problemSlot: HTMLElement;
  saveButton: HTMLButtonElement;
  focus(field: 'token' | 'id' | 'baseUrl'): void;
  clearToken(): void;
  /** Leaves the form; `notice` says what was saved and found. */
  done(notice: string): void;
}

type Notice = (view: InstanceView) => string;

const busy = (ui: CheckUi, text: string): void => {
  ui.saveButton.disabled = text !== '';
  ui.status.textContent = text;
};

/** Shows one problem in the form with its way out first; focus goes to that button. */
function showProblem(ui: CheckUi, input: InstanceInput, failure: Failure, extra: CardAction[]): void {
  busy(ui, '');
  const problem = problemOf(failureError(failure), input.id, input.baseUrl);
  const fixes: Partial<Record<string, CardAction>> = {
    edit_token: { label: t.problem.editToken, run: () => ui.focus('token') },
    check_instance: { label: t.problem.checkInstance, run: () => ui.focus('id') },
    edit_server: { label: t.problem.editServer, run: () => ui.focus('baseUrl') },
  };
  const again: CardAction = { label: t.form.checkAgain, run: () => void checkAndSave(input, ui) };
  const actions = [fixes[problem.action] ?? again, ...extra];
  const card = problemCard(problem, { code: failure.code, actions, retryAt: null, detail: failure.detail });
  replace(ui.problemSlot, card.element);
  card.primary?.focus();
}

async function store(ui: CheckUi, input: InstanceInput, notice: Notice): Promise<void> {
  busy(ui, t.form.saving);
  const saved = await window.wawp.saveInstance(input);
  // Clear the secret from the page as soon as main has it (or refused it).
  ui.clearToken();
  if (!saved.ok) return showProblem(ui, input, saved, []);
  busy(ui, '');
  if (ui.existing && ui.existing.id !== saved.value.id) await window.wawp.removeInstance(ui.existing.id);
  ui.done(notice(saved.value));
}

/** Checks `input` with its server (when `ui.check`), then saves it or shows why not. */
export async function checkAndSave(input: InstanceInput, ui: CheckUi): Promise<void> {
  replace(ui.problemSlot);
  if (!ui.check) return store(ui, input, (view) => t.form.saved(view.label));
  busy(ui, t.form.checking(hostOf(input.baseUrl) ?? input.baseUrl));
  const found = await window.wawp.testConnection(input);
  if (!found.ok) {
    const unchecked: Notice = (view) => t.form.savedUnchecked(view.label);
    const canRetry = problemOf(failureError(found), input.id, input.baseUrl).retriesItself;
    const anyway: CardAction = { label: t.form.saveAnyway, run: () => void store(ui, input, unchecked) };
    return showProblem(ui, input, found, canRetry ? [anyway] : []);
  }
  const { status, me } = found.value;
  await store(ui, input, (view) =>
    status === 'WORKING' && me
      ? t.form.foundLinked(view.label, describeAccount(me))
      : t.form.foundStatus(view.label, STATUS_WORDS[status]),
  );
}
