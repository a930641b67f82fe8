/** The non-QR states of the login view: linked, codes used up, errors with their next action, stopped. */
import { button, everySecond, h } from '../dom';
import type { LoginViewState } from '../login-state';
import { describeAccount, formatPhone } from '../phone';
import { t } from '../strings';

/** What the panels can make happen. */
export interface LoginActions {
  newCode: () => void;
  startAgain: () => void;
  editInstance: (focus: 'token' | 'id') => void;
  done: () => void;
}

/** "Linked as +20 101 234 5678 (Ann)", with the wrong-number warning when the number is not the expected one. */
export function linkedPanel(
  linked: NonNullable<LoginViewState['linked']>,
  actions: LoginActions,
): HTMLElement {
  return h(
    'div',
    { class: 'result-panel ok' },
    h('div', { class: 'result-icon', 'aria-hidden': 'true' }, '✓'),
    h('h2', {}, t.login.linkedTitle),
    h('p', { class: 'lead linked-as' }, t.login.linkedAs(describeAccount(linked.me))),
    linked.phoneMatches === false &&
      h(
        'p',
        { class: 'warning', role: 'alert' },
        t.login.wrongNumber(formatPhone(linked.expectedPhone ?? '')),
      ),
    h('div', { class: 'actions center' }, button(t.login.done, actions.done, { class: 'btn btn-primary' })),
  );
}

/** Codes used up: one button for a fresh cycle (it also starts by itself when the window regains focus). */
export function exhaustedPanel(actions: LoginActions): HTMLElement {
  return h(
    'div',
    { class: 'result-panel' },
    h('div', { class: 'result-icon', 'aria-hidden': 'true' }, '↻'),
    h('h2', {}, t.login.exhaustedTitle),
    h('p', {}, t.login.exhaustedBody),
    h(
      'div',
      { class: 'actions center' },
      button(t.login.getNewCode, actions.newCode, { class: 'btn btn-primary' }),
    ),
  );
}

/** The login loop is not running: offer to start it. */
export function stoppedPanel(actions: LoginActions): HTMLElement {
  return h(
    'div',
    { class: 'result-panel' },
    h('h2', {}, t.login.status.loginStopped),
    h(
      'div',
      { class: 'actions center' },
      button(t.login.startAgain, actions.startAgain, { class: 'btn btn-primary' }),
    ),
  );
}

/** The headline of a fatal error, by code. */
export function errorTitle(code: string): string {
  return code === 'unauthorized'
    ? t.errors.unauthorizedTitle
    : code === 'not_found'
      ? t.errors.notFoundTitle
      : t.errors.genericTitle;
}

/** A fatal error with the one action that fixes it. */
export function errorPanel(error: NonNullable<LoginViewState['error']>, actions: LoginActions): HTMLElement {
  const { code } = error;
  const title = errorTitle(code);
  const action =
    code === 'unauthorized'
      ? button(t.errors.unauthorizedAction, () => actions.editInstance('token'), { class: 'btn btn-primary' })
      : code === 'not_found'
        ? button(t.errors.notFoundAction, () => actions.editInstance('id'), { class: 'btn btn-primary' })
        : code === 'no_token'
          ? button(t.errors.noTokenAction, () => actions.editInstance('token'), { class: 'btn btn-primary' })
          : button(t.errors.tryAgain, actions.startAgain, { class: 'btn btn-primary' });
  return h(
    'div',
    { class: 'result-panel bad', role: 'alert', 'data-error': code },
    h('div', { class: 'result-icon', 'aria-hidden': 'true' }, '!'),
    h('h2', {}, title),
    h('p', {}, error.message),
    h('div', { class: 'actions center' }, action),
  );
}

/** A banner for a problem the engine retries by itself: "Retrying in N s". Returns its stop function. */
export function retryBanner(error: NonNullable<LoginViewState['error']>): {
  element: HTMLElement;
  stop: () => void;
} {
  const countdown = h('strong', {});
  const element = h(
    'p',
    { class: 'banner', role: 'status', 'data-error': error.code },
    error.message,
    ' ',
    countdown,
  );
  const stop =
    error.retryAt === null
      ? () => undefined
      : everySecond(error.retryAt, (s) => {
          countdown.textContent = s > 0 ? t.errors.retrying(s) : t.errors.retryingNow;
        });
  return { element, stop };
}
